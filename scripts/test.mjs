// `npm test`: type check, lint, unit tests, end-to-end tests, in that order;
// stops at the first failing stage and exits with its exit code.
import { bin, ensureBrowser, ensureDependencies, exitWithError, log, run } from './ensure.mjs';

const STAGES = [
  { name: 'type check', command: 'tsc', args: ['-b'] },
  { name: 'lint', command: 'eslint', args: ['.'] },
  { name: 'unit tests', command: 'vitest', args: ['run'] },
  { name: 'end-to-end tests', command: 'playwright', args: ['test'] },
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const startedAt = Date.now();
  ensureDependencies();
  const browser = await ensureBrowser();
  const env = { ...process.env };
  if (browser) env.PLAYGROUND_CHROMIUM = browser;

  const results = [];
  for (const [index, stage] of STAGES.entries()) {
    const display = [stage.command, ...stage.args].join(' ');
    console.log(`\n━━━ [${index + 1}/${STAGES.length}] ${stage.name}: ${display} ━━━\n`);
    const stageStart = Date.now();
    const code = await run(bin(stage.command), stage.args, { env });
    const took = Date.now() - stageStart;
    results.push({ ...stage, code, took });
    const verdict = code === 0 ? 'passed' : `FAILED (exit code ${code})`;
    console.log(`\n━━━ ${stage.name} ${verdict} in ${seconds(took)} ━━━`);
    if (code !== 0) break;
  }

  const total = seconds(Date.now() - startedAt);
  const timings = results.map((r) => `${r.name} ${seconds(r.took)}`).join(', ');
  const failed = results.find((r) => r.code !== 0);
  if (failed) {
    const skipped = STAGES.slice(results.length).map((s) => s.name);
    log(
      `FAILED at ${failed.name} (exit code ${failed.code}) after ${total} [${timings}]` +
        (skipped.length ? `; not run: ${skipped.join(', ')}` : ''),
    );
    return failed.code;
  }
  log(`all ${STAGES.length} stages passed in ${total} [${timings}]`);
  return 0;
}

main().then((code) => process.exit(code), exitWithError);
