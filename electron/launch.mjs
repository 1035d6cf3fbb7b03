// What `npm start` runs after the build: the Electron app where its binary
// exists, otherwise Airlock headless (`serve`), announced in one line.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const headlessNotice =
  'Electron is not available on this machine (its binary could not be downloaded); starting Airlock headless instead.';

/**
 * The Electron binary's path, or undefined. `require('electron')` returns that
 * path when the binary is installed, but when it is missing it first tries a
 * download (slow, and it prints a stack trace) and then throws. So look for
 * the file first, as electron/index.js does, and require only once it exists.
 */
export function findElectronBinary(electronDir = join(root, 'node_modules', 'electron'), env = process.env) {
  let relative;
  try {
    relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    return undefined;
  }
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  if (!relative || !existsSync(join(dist, relative))) return undefined;
  try {
    const found = createRequire(join(electronDir, 'package.json'))(electronDir);
    return typeof found === 'string' && existsSync(found) ? found : undefined;
  } catch {
    return undefined;
  }
}

/** Starts Electron on the app, or serve, and resolves with the exit code to pass on. */
export function launch(args, options = {}) {
  const {
    electronDir,
    serveEntry = join(root, 'dist', 'serve', 'index.cjs'),
    env = process.env,
    log = (line) => console.error(line),
    forwardSignals = false,
  } = options;
  const binary = findElectronBinary(electronDir, env);
  if (!binary) log(headlessNotice);
  const child = binary
    ? spawn(binary, ['.', ...args], { cwd: root, env, stdio: 'inherit' })
    : spawn(process.execPath, [serveEntry, ...args], { env, stdio: 'inherit' });

  if (forwardSignals) {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  }
  return new Promise((done) => {
    child.once('error', (error) => {
      log(`Airlock could not start: ${error.message}`);
      done(1);
    });
    child.once('exit', (code, signal) => done(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(await launch(process.argv.slice(2), { forwardSignals: true }));
}
