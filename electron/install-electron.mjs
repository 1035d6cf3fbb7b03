// Best-effort download of Electron's binary, for package.json "postinstall".
// package.json sets "allowScripts": {"electron": false} so `npm install` never
// fails where the download is blocked; a machine that can download still gets
// the binary here. It never fails the install: on any problem it prints one
// line and exits 0, and `npm start` then runs Airlock headless.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs electron's install.js; returns what happened and the one line to print, if any. */
export function installElectron(options = {}) {
  const {
    installScript = join(root, 'node_modules', 'electron', 'install.js'),
    env = process.env,
    timeoutMs = 60_000,
  } = options;
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { status: 'skipped' };
  if (!existsSync(installScript)) return failed('the electron package is not installed');
  const result = spawnSync(process.execPath, [installScript], {
    env,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.error?.code === 'ETIMEDOUT' || result.signal) {
    return failed(`no answer within ${Math.round(timeoutMs / 1000)} s`);
  }
  if (result.error) return failed(result.error.message);
  if (result.status !== 0) {
    const first = `${result.stderr}\n${result.stdout}`.split('\n').find((l) => l.trim() !== '') ?? '';
    return failed(first.trim().slice(0, 120) || `exit code ${result.status}`);
  }
  return { status: 'installed' };
}

function failed(reason) {
  return {
    status: 'failed',
    line: `Electron's binary could not be downloaded (${reason}); npm start will run Airlock headless. To retry: node electron/install-electron.mjs`,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outcome = installElectron();
  if (outcome.line) console.log(outcome.line);
  process.exit(0);
}
