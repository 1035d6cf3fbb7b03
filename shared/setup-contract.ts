// The setup part of the contract: "Start safe chat", the one button that
// takes a fresh machine to a sandboxed chat. shared/contract.ts joins these.
import { z } from 'zod';
import { callDef } from './call-def';

/** The steps in order; the window names each in plain words. */
export const safeChatSteps = ['docker', 'runtime', 'sandbox', 'model'] as const;
export type SafeChatStep = (typeof safeChatSteps)[number];

export const safeChatResultSchema = z.object({
  /** sandbox: the model answers from a container; builtin: on this machine, with no sandbox. */
  runtime: z.enum(['sandbox', 'builtin']),
  level: z.number().int().min(1).max(3).optional(),
  image: z.string().optional(),
  model: z.string(),
});
export type SafeChatResult = z.infer<typeof safeChatResultSchema>;

export const safeChatProgressSchema = z.object({
  operationId: z.string(),
  step: z.enum(safeChatSteps),
  state: z.enum(['running', 'done', 'failed', 'skipped']),
  at: z.number(),
  /** A sentence for the user when a step failed or was skipped. */
  message: z.string().optional(),
  /** docker_missing: no sandbox is possible here; the window offers chat without one. */
  reason: z.enum(['docker_missing', 'failed']).optional(),
  /** On the last event of a run that worked. */
  result: safeChatResultSchema.optional(),
});
export type SafeChatProgress = z.infer<typeof safeChatProgressSchema>;

export const setupCalls = {
  'setup.startSafeChat': callDef({
    summary:
      'Take this machine to a sandboxed chat: check Docker, prepare the runtime image, start a level-2 sandbox, put the demo model in it. Answers at once; setup.progress events follow.',
    minRole: 'admin',
    input: z.strictObject({
      withoutSandbox: z
        .boolean()
        .optional()
        .describe('chat with the built-in engine on this machine, with no sandbox (where Docker is missing)'),
    }),
    output: z.object({ operationId: z.string() }),
  }),
} as const;

export const setupEvents = {
  'setup.progress': safeChatProgressSchema,
} as const;
