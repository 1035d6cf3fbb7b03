// A real `serve` per test worker: started from the built dist/ with a fresh
// data folder, its address and token read from the one line it prints, and
// stopped (folder removed) after. Also exposes the CLI, pointed at that serve.
import { test as base } from '@playwright/test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Role } from '../shared/call-def';

const root = join(import.meta.dirname, '..');
const serveEntry = join(root, 'dist/serve/index.cjs');
const cliEntry = join(root, 'dist/cli/index.cjs');
const rendererIndex = join(root, 'dist/renderer/index.html');
const run = promisify(execFile);

export interface RunningServe {
  /** http://127.0.0.1:PORT/ */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** The address as printed, with #token=… */
  openUrl: string;
  dataDir: string;
  /** With `recordEngine`: the file the built-in engine appends each /api/chat request to (one JSON line each). */
  engineRecord?: string;
  /** Makes a call through the `airlock` CLI against this serve, returning its JSON output. */
  cli(call: string, input?: unknown): Promise<unknown>;
  /** Stops the process; the data folder stays until `remove`. */
  stop(): Promise<void>;
  remove(): void;
}

export interface ServeOptions {
  port?: number;
  dataDir?: string;
  /** `serve --profile`: until profiles exist, the window can run as a kid (default: the owner, admin). */
  profile?: Role;
  /** Sets AIRLOCK_ENGINE_RECORD (a test hook) so the test can read what the runtime received. */
  recordEngine?: boolean;
}

/** Starts `serve` from dist/ on a fresh data folder (or the one given) and any free port (or the one given). */
export async function startServe(options: ServeOptions = {}): Promise<RunningServe> {
  for (const file of [serveEntry, cliEntry, rendererIndex]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'airlock-e2e-'));
  const engineRecord = options.recordEngine ? join(dataDir, 'engine-requests.ndjson') : undefined;
  const child = spawn(
    process.execPath,
    [
      serveEntry,
      '--port',
      String(options.port ?? 0),
      '--data',
      dataDir,
      ...(options.profile ? ['--profile', options.profile] : []),
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AIRLOCK_ENGINE_RECORD: engineRecord ?? '' },
    },
  );
  let openUrl: string;
  try {
    openUrl = await readServeLine(child);
  } catch (error) {
    await stop(child);
    throw error;
  }
  const url = new URL(openUrl);
  return {
    url: `${url.origin}/`,
    origin: url.origin,
    port: Number(url.port),
    token: new URLSearchParams(url.hash.slice(1)).get('token') ?? '',
    openUrl,
    dataDir,
    ...(engineRecord ? { engineRecord } : {}),
    cli: async (call, input = {}) => {
      const args = [cliEntry, call, JSON.stringify(input), '--json', '--data', dataDir];
      const { stdout } = await run(process.execPath, args);
      return JSON.parse(stdout) as unknown;
    },
    stop: () => stop(child),
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export const test = base.extend<object, { serve: RunningServe }>({
  serve: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture needs from this pattern.
    async ({}, use) => {
      const serve = await startServe();
      try {
        await use(serve);
      } finally {
        await serve.stop();
        serve.remove();
      }
    },
    { scope: 'worker', timeout: 30_000 },
  ],
});

export { expect } from '@playwright/test';

/** Resolves with the printed address, or rejects with what serve said if it exits or stalls. */
function readServeLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start in 15 s.\n${err}`)), 15_000);
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Airlock serving at (http:\/\/\S+#token=\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with code ${code} before it was ready.\n${err}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
