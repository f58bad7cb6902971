// Shared helpers for scripts/start.mjs and scripts/test.mjs.
// Node built-ins only: these run before node_modules exists.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const isWindows = process.platform === 'win32';

/** Path of a locally installed CLI (node_modules/.bin/<name>). */
export function bin(name) {
  return join(repoRoot, 'node_modules', '.bin', isWindows ? `${name}.cmd` : name);
}

export function log(message) {
  console.log(`[playground] ${message}`);
}

/** An error whose message is meant for a person; callers print it without a stack. */
export class SetupError extends Error {}

function runSync(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    stdio: 'inherit',
    shell: isWindows,
    ...options,
  });
  if (result.error) throw new SetupError(`Could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new SetupError(
      `\`${[command, ...args].join(' ')}\` failed (${result.signal ?? `exit code ${result.status}`}).`,
    );
  }
}

/**
 * Runs `npm ci` when node_modules is missing or older than package-lock.json
 * (npm records the installed tree in node_modules/.package-lock.json).
 */
export function ensureDependencies() {
  const lock = join(repoRoot, 'package-lock.json');
  const installed = join(repoRoot, 'node_modules', '.package-lock.json');
  let reason = null;
  if (!existsSync(installed)) {
    reason = 'node_modules is missing';
  } else if (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
    reason = 'package-lock.json is newer than node_modules';
  }
  if (reason === null) return false;
  log(`${reason}: running \`npm ci\` …`);
  runSync(isWindows ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund']);
  log('dependencies installed.');
  return true;
}

function commandExists(name) {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .some((dir) => dir && existsSync(join(dir, name)));
}

async function playwrightChromium() {
  try {
    const require = createRequire(join(repoRoot, 'package.json'));
    const entry = require.resolve('@playwright/test');
    const { chromium } = await import(pathToFileURL(entry).href);
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const HOW_TO_GET_A_BROWSER = [
  'No Chromium found for the Playwright tests. Any one of these fixes it:',
  '  • Debian/Ubuntu (as root): apt-get update && apt-get install -y chromium',
  '    (then it is found at /usr/bin/chromium)',
  '  • point PLAYGROUND_CHROMIUM (or CHROMIUM_PATH) at a Chromium/Chrome executable',
  '  • where browser downloads are allowed: npx playwright install chromium',
].join('\n');

/**
 * Finds a Chromium for Playwright. Order: $PLAYGROUND_CHROMIUM / $CHROMIUM_PATH,
 * /usr/bin/chromium, Playwright's own downloaded build; otherwise installs Debian's
 * package with apt-get when running as root. Returns the executable path, or null when
 * Playwright's own build should be used. Throws SetupError when there is no browser.
 */
export async function ensureBrowser() {
  for (const name of ['PLAYGROUND_CHROMIUM', 'CHROMIUM_PATH']) {
    const value = process.env[name];
    if (!value) continue;
    if (!existsSync(value)) {
      throw new SetupError(`${name}=${value} but no file exists there.`);
    }
    log(`browser: ${value} (from $${name})`);
    return value;
  }
  if (existsSync(DEBIAN_CHROMIUM)) {
    log(`browser: ${DEBIAN_CHROMIUM}`);
    return DEBIAN_CHROMIUM;
  }
  const own = await playwrightChromium();
  if (own) {
    log(`browser: Playwright's own Chromium (${own})`);
    return null;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (commandExists('apt-get') && isRoot) {
    log('no Chromium found: installing Debian\'s package (apt-get update; apt-get install -y chromium) …');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    runSync('apt-get', ['update'], { env });
    runSync('apt-get', ['install', '-y', 'chromium'], { env });
    if (existsSync(DEBIAN_CHROMIUM)) {
      log(`browser: ${DEBIAN_CHROMIUM} (just installed)`);
      return DEBIAN_CHROMIUM;
    }
    throw new SetupError(
      `apt-get installed "chromium" but ${DEBIAN_CHROMIUM} does not exist.\n${HOW_TO_GET_A_BROWSER}`,
    );
  }
  throw new SetupError(HOW_TO_GET_A_BROWSER);
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/**
 * Spawns a command with inherited stdio, forwarding SIGINT/SIGTERM/SIGHUP to it.
 * Returns { child, done } where done resolves to a shell-style exit code.
 */
export function start(command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: repoRoot,
    stdio: 'inherit',
    shell: isWindows,
    ...options,
  });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of SIGNALS) process.on(signal, forward);
  const done = new Promise((resolveDone) => {
    const finish = (code) => {
      for (const signal of SIGNALS) process.off(signal, forward);
      resolveDone(code);
    };
    child.on('error', (error) => {
      console.error(`[playground] could not run ${command}: ${error.message}`);
      finish(127);
    });
    child.on('exit', (code, signal) => {
      finish(code ?? 128 + (SIGNAL_NUMBERS[signal] ?? 1));
    });
  });
  return { child, done };
}

/** Runs a command to completion (see start) and resolves to its exit code. */
export function run(command, args, options = {}) {
  return start(command, args, options).done;
}

/** Prints a SetupError plainly (other errors with their stack) and exits. */
export function exitWithError(error) {
  if (error instanceof SetupError) {
    console.error(`\n[playground] ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
