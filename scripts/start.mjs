// `npm start`: install dependencies if needed, build, and serve the built app.
import { SetupError, bin, ensureDependencies, exitWithError, log, run, start } from './ensure.mjs';

const HOST = '127.0.0.1';

function port() {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return 4173;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new SetupError(`PORT must be a whole number from 1 to 65535, got "${raw}".`);
  }
  return value;
}

async function waitUntilServing(url, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  return false;
}

async function main() {
  const serverPort = port();
  ensureDependencies();

  log('type-checking (tsc -b) …');
  let code = await run(bin('tsc'), ['-b']);
  if (code !== 0) return code;

  log('building (vite build) …');
  code = await run(bin('vite'), ['build']);
  if (code !== 0) return code;

  const url = `http://${HOST}:${serverPort}/`;
  log(`serving dist/ at ${url} …`);
  const { child, done } = start(bin('vite'), [
    'preview',
    '--host',
    HOST,
    '--port',
    String(serverPort),
    '--strictPort',
  ]);
  if (await waitUntilServing(url, child)) {
    console.log(`\n  LSTM playground running at ${url}\n  (Ctrl+C to stop)\n`);
  }
  code = await done;
  if (code !== 0) log(`the server stopped (exit code ${code}).`);
  return code;
}

main().then((code) => process.exit(code), exitWithError);
