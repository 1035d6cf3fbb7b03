// The chat part of the contract: sending a message, stopping an answer, and
// the streamed events. shared/contract.ts joins these calls with the others.
import { z } from 'zod';
import { callDef } from './call-def';
import { modelNameSchema } from './models-contract';

/** CH-05: a message is at most this long; longer pastes are refused before any filter runs. */
export const maxMessageChars = 32_768;

const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an id Airlock gave out (letters, digits, - and _)');

export const chatSendInput = z.strictObject({
  text: z.string().min(1).max(maxMessageChars).describe('your message'),
  conversationId: idSchema.optional().describe('carry on this conversation (default: a new one)'),
  model: modelNameSchema.optional().describe('which model answers (default: the first one installed)'),
  replaceLast: z
    .boolean()
    .optional()
    .describe('retry or edit: this replaces the last message and its answer (needs conversationId)'),
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

export const conversationSummarySchema = z.object({
  id: z.string(),
  /** The start of the first message as the model received it (personal data already hidden). */
  title: z.string(),
  model: z.string().optional(),
  updatedAt: z.number(),
  messages: z.number().int(),
});

export const chatTurnSchema = z.object({
  id: z.string(),
  role: z.enum(['user', 'assistant']),
  at: z.number(),
  /** User: what the model received. Assistant: only text that passed the output filter. */
  text: z.string(),
  /** User: false when the message was blocked and never sent. */
  sent: z.boolean().optional(),
  outcome: z.enum(chatOutcomes).optional(),
  incomplete: z.boolean().optional(),
  model: z.string().optional(),
});

export const chatCalls = {
  'chat.send': callDef({
    summary: 'Send a message; the answer streams as chat.token events and this resolves when it ends.',
    minRole: 'kid',
    input: chatSendInput,
    output: chatSendOutput,
  }),
  'chat.stop': callDef({
    summary: 'Stop an answer being written; what was shown so far is kept.',
    minRole: 'kid',
    input: chatStopInput,
    output: z.object({ stopped: z.boolean() }),
  }),
  'chat.conversations': callDef({
    summary:
      'Your conversations, newest first: a title from the first message, the model, when it last changed.',
    minRole: 'kid',
    input: z.strictObject({}),
    output: z.object({ conversations: z.array(conversationSummarySchema) }),
  }),
  'chat.history': callDef({
    summary: 'The messages of one of your conversations, oldest first.',
    minRole: 'kid',
    input: z.strictObject({ conversationId: idSchema.describe('the conversation to open') }),
    output: z.object({ conversationId: z.string(), turns: z.array(chatTurnSchema) }),
  }),
} as const;
