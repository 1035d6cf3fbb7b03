// The built-in engine as the chat's fallback runtime: started on first use in
// its own child process (a hostile GGUF can abort llama.cpp, never the core),
// serving the data folder's models folder, restarted after it dies, stopped
// with the core. Also writes the offline demo model into that folder.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDemoModel } from '../engines/demo-model';
import type { EngineGpu } from '../engines/builtin/engine-protocol';
import { startBuiltinEngine, type BuiltinEngine } from '../engines/builtin/start-builtin-engine';
import { encodeGguf } from '../engines/gguf-write';
import type { RuntimeConnection } from './runtime-source';

export interface BuiltinRuntimeOptions {
  modelsDir: string;
  /** The engine child's script; the launcher's default next to dist/<entry>/ when absent. */
  entry?: string;
  threads?: number;
  gpu?: EngineGpu;
  contextSize?: number;
  log: (line: string) => void;
}

/** The demo model's file name; the engine lists it as "airlock-demo:latest". */
export const demoModelName = 'airlock-demo:latest';
const demoFile = 'airlock-demo.gguf';

export class BuiltinRuntime {
  private engine: Promise<BuiltinEngine> | undefined;
  private disposed = false;
  /** Chats listening for the current engine's death; cleared as each answer ends. */
  private readonly goneListeners = new Set<(sentence: string) => void>();
  private readonly exits = new WeakMap<BuiltinEngine, string>();

  constructor(private readonly options: BuiltinRuntimeOptions) {}

  /** The running engine's connection, starting it first when needed. */
  async connect(): Promise<RuntimeConnection> {
    const engine = await this.start();
    return {
      kind: 'builtin',
      url: engine.url,
      headers: engine.headers,
      onGone: (listener) => {
        const exit = this.exits.get(engine);
        if (exit !== undefined) {
          listener(exit);
          return () => undefined;
        }
        this.goneListeners.add(listener);
        return () => this.goneListeners.delete(listener);
      },
    };
  }

  /** The engine child's process id while it runs (tests kill it to prove a dead runtime never hangs a chat). */
  async pid(): Promise<number | undefined> {
    return (await this.engine?.catch(() => undefined))?.pid;
  }

  private start(): Promise<BuiltinEngine> {
    if (this.disposed) return Promise.reject(new Error('the core is shutting down'));
    if (this.engine) return this.engine;
    mkdirSync(this.options.modelsDir, { recursive: true, mode: 0o700 });
    const starting = startBuiltinEngine({
      modelsDir: this.options.modelsDir,
      ...(this.options.entry ? { entry: this.options.entry } : {}),
      ...(this.options.threads ? { threads: this.options.threads } : {}),
      ...(this.options.gpu !== undefined ? { gpu: this.options.gpu } : {}),
      ...(this.options.contextSize ? { contextSize: this.options.contextSize } : {}),
    });
    this.engine = starting;
    // A start that failed, or an engine that died, is forgotten so the next chat starts a fresh one.
    const forget = (): void => {
      if (this.engine === starting) this.engine = undefined;
    };
    starting.then(
      (engine) =>
        void engine.exited.then((exit) => {
          forget();
          this.exits.set(engine, exit.sentence);
          if (!exit.expected) this.options.log(exit.sentence);
          for (const listener of [...this.goneListeners]) listener(exit.sentence);
          this.goneListeners.clear();
        }),
      forget,
    );
    return starting;
  }

  /** Writes the demo model atomically (temp file, then rename) and returns its name and digest. */
  async writeDemoModel(seed = 1): Promise<{ name: string; sha256: string; size: number }> {
    mkdirSync(this.options.modelsDir, { recursive: true, mode: 0o700 });
    const bytes = encodeGguf(buildDemoModel(seed));
    // The engine lists only *.gguf, so the half-written temp is never offered as a model.
    const temp = join(this.options.modelsDir, `.demo-${randomUUID()}.partial`);
    try {
      await writeFile(temp, bytes, { mode: 0o600 });
      await rename(temp, join(this.options.modelsDir, demoFile));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return {
      name: demoModelName,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
    };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const engine = await this.engine?.catch(() => undefined);
    this.engine = undefined;
    await engine?.stop();
  }
}
