// Keeps at most one model loaded (small machines), runs one generation at a
// time on it, and unloads it when its keep-alive runs out, as Ollama does.
import type { Llama, LlamaChat, LlamaContext, LlamaModel } from 'node-llama-cpp';
import type { NodeLlamaCpp } from './engine-protocol';
import type { ModelEntry } from './model-folder';

export interface LoadedModel {
  entry: ModelEntry;
  model: LlamaModel;
  context: LlamaContext;
  chat: LlamaChat;
  /** When it will be unloaded; null while a generation runs or when kept forever. */
  expiresAt: Date | null;
  generating: boolean;
  /** Tokens generated since it was loaded: shows that a cancelled answer really stopped. */
  tokensGenerated: number;
}

export interface RunnerSettings {
  threads: number;
  contextSize: number;
}

/** What one queued job gets: the model, and how long loading took (0 when it was already loaded). */
export type Job<T> = (loaded: LoadedModel, loadNs: bigint) => Promise<T>;

export class ModelRunner {
  private loaded: LoadedModel | undefined;
  private unloadTimer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly llama: Llama,
    private readonly settings: RunnerSettings,
    private readonly Chat: NodeLlamaCpp['LlamaChat'],
  ) {}

  /**
   * Runs `job` once every earlier job has finished, with `entry` loaded.
   * keepAliveMs: 0 unloads right after, a negative value keeps it loaded.
   */
  run<T>(entry: ModelEntry, keepAliveMs: number, signal: AbortSignal, job: Job<T>): Promise<T> {
    const result = this.queue.then(async () => {
      signal.throwIfAborted(); // the client left while waiting: do not load or generate for nobody
      clearTimeout(this.unloadTimer);
      const started = process.hrtime.bigint();
      const fresh = !this.isLoaded(entry);
      const loaded = await this.load(entry);
      const loadNs = fresh ? process.hrtime.bigint() - started : 0n;
      loaded.expiresAt = null;
      loaded.generating = true;
      try {
        return await job(loaded, loadNs);
      } finally {
        loaded.generating = false;
        this.scheduleUnload(keepAliveMs);
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  running(): LoadedModel[] {
    return this.loaded ? [this.loaded] : [];
  }

  async dispose(): Promise<void> {
    clearTimeout(this.unloadTimer);
    await this.unload();
  }

  /** Same file, unchanged since it was loaded (a replaced file is loaded again). */
  private isLoaded(entry: ModelEntry): boolean {
    const current = this.loaded?.entry;
    return current?.path === entry.path && current.modifiedAt.getTime() === entry.modifiedAt.getTime();
  }

  private async load(entry: ModelEntry): Promise<LoadedModel> {
    if (this.loaded && this.isLoaded(entry)) return this.loaded;
    await this.unload();
    const model = await this.llama.loadModel({ modelPath: entry.path });
    try {
      const context = await model.createContext({
        contextSize: this.settings.contextSize,
        threads: this.settings.threads,
        sequences: 1,
      });
      const chat = new this.Chat({ contextSequence: context.getSequence() });
      this.loaded = { entry, model, context, chat, expiresAt: null, generating: false, tokensGenerated: 0 };
      return this.loaded;
    } catch (error) {
      await model.dispose();
      throw error;
    }
  }

  private scheduleUnload(keepAliveMs: number): void {
    const loaded = this.loaded;
    if (!loaded || keepAliveMs < 0) return;
    // setTimeout fires at once past 2^31-1 ms (~24 days), so "1000h" would unload immediately.
    keepAliveMs = Math.min(keepAliveMs, 2 ** 31 - 1);
    loaded.expiresAt = new Date(Date.now() + keepAliveMs);
    this.unloadTimer = setTimeout(() => {
      // Queued like a job so an unload never pulls a model from under a generation.
      this.queue = this.queue.then(() => (this.loaded === loaded ? this.unload() : undefined));
    }, keepAliveMs);
    this.unloadTimer.unref();
  }

  private async unload(): Promise<void> {
    const loaded = this.loaded;
    this.loaded = undefined;
    if (!loaded) return;
    loaded.chat.dispose();
    await loaded.context.dispose();
    await loaded.model.dispose();
  }
}
