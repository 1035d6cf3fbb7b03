// The chat part of the contract: sending a message, stopping an answer, the
// models the runtime serves, and the streamed events. shared/contract.ts lists the calls.
import { z } from 'zod';

/** CH-05: a message is at most this long; longer pastes are refused before any filter runs. */
export const maxMessageChars = 32_768;

const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an id Airlock gave out (letters, digits, - and _)');

/** Ollama-style model names ("llama3.2:1b", "demo:latest", "library/name:tag"). */
export const modelNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'must be a model name such as llama3.2:1b');

export const chatSendInput = z.strictObject({
  text: z.string().min(1).max(maxMessageChars).describe('your message'),
  conversationId: idSchema.optional().describe('carry on this conversation (default: a new one)'),
  model: modelNameSchema.optional().describe('which model answers (default: the first one installed)'),
});

export const chatOutcomes = ['answered', 'blocked', 'stopped', 'failed'] as const;
export type ChatOutcome = (typeof chatOutcomes)[number];

/** What the input filters decided; categories are names (e.g. PHONE, profanity), never the text. */
export const chatInputVerdictSchema = z.object({
  action: z.enum(['allow', 'warn', 'redact', 'block']),
  /** The text the model received instead of the user's, when personal data was hidden. */
  redactedText: z.string().optional(),
  categories: z.array(z.string()),
});

export const chatSendOutput = z.object({
  conversationId: z.string(),
  messageId: z.string(),
  outcome: z.enum(chatOutcomes),
  /** The answer as the user saw it: only text that passed the output filter. */
  text: z.string(),
  input: chatInputVerdictSchema,
  model: z.string(),
  /** The answer ended early (stopped, or the runtime failed) and what is shown is partial. */
  incomplete: z.boolean().optional(),
  /** A sentence for the user: why it was blocked, stopped or failed. */
  message: z.string().optional(),
});
export type ChatSendOutput = z.infer<typeof chatSendOutput>;

export const chatStopInput = z.strictObject({
  messageId: idSchema.optional().describe('the answer to stop (default: any answer being written)'),
});

export const modelInfoSchema = z.object({
  name: z.string(),
  /** The runtime's digest: the file's sha256 for the built-in engine, the manifest's for Ollama. */
  digest: z.string().optional(),
  size: z.number().optional(),
  family: z.string().optional(),
  parameterSize: z.string().optional(),
  quantization: z.string().optional(),
  modifiedAt: z.string().optional(),
});

export const modelsListOutput = z.object({
  /** Which runtime answered: the sandbox's, or the built-in engine on this machine. */
  runtime: z.enum(['sandbox', 'builtin']),
  models: z.array(modelInfoSchema),
});

export const modelsDemoOutput = z.object({
  name: z.string(),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  size: z.number(),
});

export const chatTokenEvent = z.object({
  conversationId: z.string(),
  messageId: z.string(),
  /** Text that passed the output filter, in order; never held-back or blocked text. */
  text: z.string(),
});

export const chatStates = ['thinking', 'streaming', 'done', 'blocked', 'stopped', 'failed'] as const;
export type ChatState = (typeof chatStates)[number];

export const chatStateEvent = z.object({
  messageId: z.string(),
  /** Lets a window that did not send the message place it (another window, the CLI). */
  conversationId: z.string().optional(),
  state: z.enum(chatStates),
  message: z.string().optional(),
});
