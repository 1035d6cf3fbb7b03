// POST /api/chat's body as Ollama defines it (the subset Airlock sends), one
// validator, and its translation into node-llama-cpp's chat history and options.
// https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion
import type { ChatHistoryItem, LLamaChatGenerateResponseOptions } from 'node-llama-cpp';
import { z } from 'zod';

const message = z.object({
  role: z.enum(['system', 'user', 'assistant', 'tool']),
  content: z.string(),
});

export const chatRequestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(message).default([]),
  stream: z.boolean().default(true),
  keep_alive: z.union([z.number(), z.string()]).optional(),
  options: z
    .object({
      temperature: z.number().min(0).max(5).optional(),
      top_k: z.number().int().min(0).optional(),
      top_p: z.number().min(0).max(1).optional(),
      min_p: z.number().min(0).max(1).optional(),
      seed: z.number().int().optional(),
      num_predict: z.number().int().optional(),
      stop: z.array(z.string()).optional(),
    })
    .default({}),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;

/** Short on purpose: small models get a small context, and a long prompt leaves no room to answer. */
export const defaultSystemPrompt = 'You are a helpful assistant. Answer briefly.';

/** Ollama's default keep-alive. */
const defaultKeepAliveMs = 5 * 60_000;

/** keep_alive: seconds as a number, or "5m", "30s", "1h", "0"; negative means forever. */
export function keepAliveMs(value: number | string | undefined): number {
  if (value === undefined) return defaultKeepAliveMs;
  if (typeof value === 'number') return value < 0 ? -1 : value * 1000;
  const match = /^(-?\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  if (!match) return defaultKeepAliveMs;
  const n = Number(match[1]);
  if (n < 0) return -1;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 's'] ?? 1000;
  return n * unit;
}

export function toHistory(messages: ChatRequest['messages']): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = [];
  if (!messages.some((m) => m.role === 'system')) history.push({ type: 'system', text: defaultSystemPrompt });
  for (const m of messages) {
    if (m.role === 'system') history.push({ type: 'system', text: m.content });
    else if (m.role === 'assistant') history.push({ type: 'model', response: [m.content] });
    // Tool results are shown to the model as user text: the built-in engine has no function calling.
    else history.push({ type: 'user', text: m.content });
  }
  // The model answers into an empty turn; a trailing assistant message is continued instead.
  if (history.at(-1)?.type !== 'model') history.push({ type: 'model', response: [] });
  return history;
}

type SamplingOptions = Pick<
  LLamaChatGenerateResponseOptions,
  'temperature' | 'topK' | 'topP' | 'minP' | 'seed' | 'maxTokens' | 'customStopTriggers'
>;

/**
 * num_predict <= 0 (Ollama: unlimited) is capped at one context's worth, so
 * a model that never says its end token still stops (CH-05).
 */
export function toSampling(options: ChatRequest['options'], contextSize: number): SamplingOptions {
  const predict = options.num_predict;
  return {
    temperature: options.temperature ?? 0.8,
    topK: options.top_k ?? 40,
    topP: options.top_p ?? 0.9,
    minP: options.min_p,
    seed: options.seed,
    maxTokens: predict === undefined || predict <= 0 ? contextSize : Math.min(predict, contextSize),
    customStopTriggers: options.stop?.filter((s) => s !== ''),
  };
}
