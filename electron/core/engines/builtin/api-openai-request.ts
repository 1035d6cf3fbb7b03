// POST /v1/chat/completions's body (the subset local OpenAI-compatible servers
// such as llama.cpp server, LM Studio and vLLM accept), one validator, and its
// translation into the Ollama request the engine already runs.
// https://platform.openai.com/docs/api-reference/chat/create
import { z } from 'zod';
import type { ChatRequest } from './chat-request';

/** Content is a string, or a list of parts of which the engine reads only the text ones. */
const content = z.union([
  z.string(),
  z.array(z.object({ type: z.string(), text: z.string().optional() })).transform((parts) =>
    parts
      .filter((p) => p.type === 'text')
      .map((p) => p.text ?? '')
      .join(''),
  ),
  z.null().transform(() => ''),
]);

const message = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: content.default(''),
});

export const openAiChatSchema = z.object({
  model: z.string().min(1),
  messages: z.array(message).min(1),
  stream: z.boolean().default(false),
  stream_options: z.object({ include_usage: z.boolean().optional() }).optional(),
  max_tokens: z.number().int().positive().optional(),
  max_completion_tokens: z.number().int().positive().optional(),
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().min(0).max(1).optional(),
  seed: z.number().int().optional(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).optional(),
  /** Only one answer per request: n > 1 is refused rather than silently answered once. */
  n: z.literal(1).optional(),
});
export type OpenAiChatRequest = z.infer<typeof openAiChatSchema>;

/** The same request as Ollama's /api/chat would take it. */
export function toOllamaChat(request: OpenAiChatRequest): ChatRequest {
  const stop = typeof request.stop === 'string' ? [request.stop] : request.stop;
  const predict = request.max_completion_tokens ?? request.max_tokens;
  return {
    model: request.model,
    messages: request.messages.map((m) => ({
      // "developer" is the newer name for a system message.
      role: m.role === 'developer' ? 'system' : m.role,
      content: m.content,
    })),
    stream: request.stream,
    options: {
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.top_p !== undefined ? { top_p: request.top_p } : {}),
      ...(request.seed !== undefined ? { seed: request.seed } : {}),
      ...(predict !== undefined ? { num_predict: predict } : {}),
      ...(stop ? { stop } : {}),
    },
  };
}

/** OpenAI's error body, which OpenAI clients read instead of Ollama's `{"error": "..."}`. */
export function openAiError(status: number, message: string): { error: Record<string, unknown> } {
  const type = status === 404 ? 'not_found_error' : status < 500 ? 'invalid_request_error' : 'server_error';
  return { error: { message, type, param: null, code: status === 404 ? 'model_not_found' : null } };
}
