// What the launcher and the engine's child process say to each other: the
// child's settings (one JSON argument) and its IPC messages. Types only, so
// both sides agree at compile time.

/** The library, imported once at run time by the child (type-only here: the launcher never loads it). */
export type NodeLlamaCpp = typeof import('node-llama-cpp');

export type EngineGpu = 'auto' | false | 'cuda' | 'vulkan' | 'metal';

/** The child reads its bearer token from this variable: argv is visible to every local user in `ps`. */
export const engineTokenEnv = 'AIRLOCK_ENGINE_TOKEN';

export interface EngineChildConfig {
  /** Folder of *.gguf files the engine serves; nothing outside it is opened. */
  modelsDir: string;
  host: string;
  /** 0 lets the OS pick a free port; the child reports the real one. */
  port: number;
  /** llama.cpp threads; 1 on 2-core machines (FACTS.md: ~30x faster there). */
  threads: number;
  /** 'auto' uses a GPU build where one is installed and works; false never tries; a name insists on it. */
  gpu: EngineGpu;
  /** Tokens per loaded model; at least 512 (LlamaChatSession fails below). */
  contextSize: number;
}

export type EngineChildMessage =
  | { type: 'ready'; port: number; version: string; gpu: string | false }
  | { type: 'fatal'; reason: 'native-addon' | 'listen'; message: string };

export const engineVersion = '0.1.0-airlock-builtin';
