// Parent side of the built-in engine: spawns its child process on loopback,
// waits until GET /api/version answers, reports one clear sentence when it
// cannot start or when it dies later (a bad GGUF can abort it), and stops it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { AirlockError } from '../../errors';
import {
  engineTokenEnv,
  type EngineChildConfig,
  type EngineChildMessage,
  type EngineGpu,
} from './engine-protocol';

export interface StartBuiltinEngineOptions {
  modelsDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  threads?: number;
  gpu?: EngineGpu;
  contextSize?: number;
  /** A bearer token every call must carry; a fresh random one by default, null for none. */
  token?: string | null;
  /** The built child (dist/builtin-engine/index.mjs); see defaultEngineEntry(). */
  entry?: string;
  /** Node, or Electron's binary (run as Node through ELECTRON_RUN_AS_NODE). */
  execPath?: string;
  startTimeoutMs?: number;
  /** Each line the engine writes to stderr (llama.cpp warnings, crash messages). */
  onLog?: (line: string) => void;
}

export interface EngineExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when stop() asked for it. */
  expected: boolean;
  /** For the user, when it was not expected: what happened, with the engine's last words. */
  sentence: string;
  logTail: string[];
}

export interface BuiltinEngine {
  url: string;
  port: number;
  pid: number;
  token: string | null;
  /** Headers for every call: the bearer token when there is one. */
  headers: Record<string, string>;
  gpu: string | false;
  /** Settles when the child has gone, whoever ended it. */
  exited: Promise<EngineExit>;
  stop(): Promise<EngineExit>;
}

/** Where electron/build.mjs puts the child, seen from any other dist/<entry>/index.cjs. */
export function defaultEngineEntry(): string {
  const here = typeof __filename === 'string' ? dirname(__filename) : join(process.cwd(), 'dist', 'serve');
  return join(here, '..', 'builtin-engine', 'index.mjs');
}

const tailLines = 40;

export async function startBuiltinEngine(options: StartBuiltinEngineOptions): Promise<BuiltinEngine> {
  const config: Partial<EngineChildConfig> = {
    modelsDir: options.modelsDir,
    host: '127.0.0.1',
    port: options.port ?? 0,
    threads: options.threads,
    gpu: options.gpu,
    contextSize: options.contextSize,
  };
  const token = options.token === undefined ? randomBytes(24).toString('base64url') : options.token;
  const child = spawn(
    options.execPath ?? process.execPath,
    [options.entry ?? defaultEngineEntry(), JSON.stringify(config)],
    {
      // The IPC channel carries "ready"; its closing is how the child learns the parent is gone.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', [engineTokenEnv]: token ?? '' },
      windowsHide: true,
    },
  );

  const logTail: string[] = [];
  let partial = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines.filter((l) => l.trim() !== '')) {
      logTail.push(line);
      if (logTail.length > tailLines) logTail.shift();
      options.onLog?.(line);
    }
  });

  let stopping = false;
  let fatal: Extract<EngineChildMessage, { type: 'fatal' }> | undefined;
  const exited = new Promise<EngineExit>((resolve) => {
    // 'close' rather than 'exit': it comes after the last stderr bytes and IPC messages.
    child.once('close', (code, signal) => {
      if (partial.trim() !== '') logTail.push(partial);
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      const last = logTail.at(-1)?.trim();
      resolve({
        code,
        signal,
        expected: stopping,
        sentence: `The built-in engine stopped unexpectedly (${how})${last ? `; its last message: ${last}` : ''}.`,
        logTail: [...logTail],
      });
    });
  });

  const ready = await new Promise<Extract<EngineChildMessage, { type: 'ready' }>>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(startError('did not start in time', logTail)),
      options.startTimeoutMs ?? 30_000,
    );
    child.on('message', (message: EngineChildMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message);
      } else fatal = message;
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(startError(`could not be run (${error.message})`, logTail));
    });
    void exited.then((exit) => {
      clearTimeout(timer);
      reject(startError(whyItEnded(fatal, exit), logTail));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });

  const url = `http://127.0.0.1:${ready.port}`;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  await answersVersion(url, headers).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw startError(`did not answer GET /api/version (${(error as Error).message})`, logTail);
  });

  return {
    url,
    port: ready.port,
    pid: child.pid ?? -1,
    token,
    headers,
    gpu: ready.gpu,
    exited,
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        // A child stuck in native code gets a few seconds, then SIGKILL.
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      return exited;
    },
  };
}

function whyItEnded(
  fatal: Extract<EngineChildMessage, { type: 'fatal' }> | undefined,
  exit: EngineExit,
): string {
  if (fatal?.reason === 'native-addon') return `could not load llama.cpp's native library (${fatal.message})`;
  if (fatal?.reason === 'listen') return `could not listen on its port (${fatal.message})`;
  return `stopped while starting (${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`})`;
}

function startError(why: string, logTail: string[]): AirlockError {
  return new AirlockError('unavailable', `The built-in engine ${why}.`, { logTail: [...logTail] });
}

async function answersVersion(url: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(`${url}/api/version`, { headers, signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`status ${res.status}`);
  await res.json();
}
