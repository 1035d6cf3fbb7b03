// The one list of what the untrusted window may ask of the trusted core, and
// what the core may tell it. Types come from these schemas, never twice.
import { z } from 'zod';
import { callDef, roles } from './call-def';
import { chatCalls, chatStateEvent, chatTokenEvent } from './chat-contract';
import { modelsCalls, modelsProgressEvent } from './models-contract';
import { setupCalls, setupEvents } from './setup-contract';
import {
  imageRefSchema,
  sandboxProgressSchema,
  sandboxSettingsInput,
  sandboxStatusSchema,
  switchOutcomeSchema,
  verifyReportSchema,
} from './sandbox-contract';

export { roles, type Role } from './call-def';

export const errorCodes = [
  'invalid_input',
  'unknown_call',
  'forbidden',
  'not_found',
  'unavailable',
  'conflict',
  'timeout',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const contractErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ContractError = z.infer<typeof contractErrorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractError };

const platformSchema = z.enum(['linux', 'darwin', 'win32', 'other']);

const appInfoOutput = z.object({
  name: z.literal('Airlock'),
  version: z.string(),
  carrier: z.enum(['electron', 'serve', 'local']),
  platform: platformSchema,
  arch: z.string(),
  nodeVersion: z.string(),
  startedAt: z.number(),
  /** The active profile as the core sees it: the window words its warnings by it; the core decides. */
  profile: z.object({ role: z.enum(roles) }).optional(),
});

export const componentIds = ['docker', 'multipass', 'lima', 'nvidia', 'engine'] as const;
export type ComponentId = (typeof componentIds)[number];

/**
 * Why a component is missing or broken, as a code the renderer turns into a
 * sentence from its string catalogue (so translation is a file).
 */
export const healthReasons = [
  'ok',
  'not_installed',
  'not_running',
  'permission_denied',
  'no_gpu',
  'unsupported_platform',
  'insecure_endpoint',
  'timed_out',
  'failed',
] as const;

export const componentHealthSchema = z.object({
  id: z.enum(componentIds),
  status: z.enum(['ok', 'missing', 'error']),
  reason: z.enum(healthReasons),
  version: z.string().optional(),
  /** Short technical detail in English for the CLI and support; no secrets. */
  detail: z.string(),
  /** GPUs nvidia-smi reported, when the component is `nvidia`. */
  gpus: z.array(z.object({ name: z.string(), driver: z.string(), memoryMiB: z.number() })).optional(),
});
export type ComponentHealth = z.infer<typeof componentHealthSchema>;

const healthOutput = z.object({
  checkedAt: z.number(),
  platform: platformSchema,
  components: z.array(componentHealthSchema),
});
export type Health = z.infer<typeof healthOutput>;

/** Every call the window or the CLI can make: `domain.method`. */
export const calls = {
  'app.info': callDef({
    summary: 'What this Airlock is: version, platform and how the window talks to the core.',
    minRole: 'kid',
    input: z.strictObject({}),
    output: appInfoOutput,
  }),
  'app.health': callDef({
    summary: 'Which of Docker, Multipass, Lima, nvidia-smi and the built-in engine this machine has.',
    minRole: 'kid',
    input: z.strictObject({
      refresh: z.boolean().optional().describe('probe again instead of using the last answer'),
    }),
    output: healthOutput,
  }),
  'app.ping': callDef({
    summary: 'Check that the core answers; echoes a short note back.',
    minRole: 'kid',
    input: z.strictObject({
      note: z.string().max(200).optional().describe('any short text, echoed back'),
    }),
    output: z.object({ note: z.string(), at: z.number() }),
  }),
  'app.openLink': callDef({
    summary:
      'Open a link from a chat answer in the browser, after the user confirmed its full address; https only.',
    minRole: 'teen',
    input: z.strictObject({
      url: z.string().min(1).max(2048).describe('the full address the user confirmed'),
    }),
    output: z.object({
      /** The address as opened: parsed and normalized, never the raw text. */
      url: z.string(),
      /** system: the core handed it to the OS browser; window: the page opens it (serve, a browser already). */
      via: z.enum(['system', 'window']),
    }),
  }),
  'sandbox.status': callDef({
    summary: 'The running sandbox: level, image, limits, where it is served, and the last switch.',
    minRole: 'kid',
    input: z.strictObject({}),
    output: sandboxStatusSchema,
  }),
  'sandbox.setLevel': callDef({
    summary: 'Switch the runtime to a security level: build beside, verify, move, or roll back.',
    minRole: 'admin',
    input: sandboxSettingsInput,
    output: switchOutcomeSchema,
  }),
  'sandbox.verify': callDef({
    summary: 'Check the running sandbox live, one row per threat: verified, failed or not covered.',
    minRole: 'adult',
    input: z.strictObject({}),
    output: verifyReportSchema,
  }),
  'sandbox.logs': callDef({
    summary: 'The last lines the runtime printed.',
    minRole: 'admin',
    input: z.strictObject({
      tail: z
        .number()
        .int()
        .min(1)
        .max(5000)
        .optional()
        .describe('how many lines, newest last (default 200)'),
    }),
    output: z.object({ lines: z.array(z.string()) }),
  }),
  'sandbox.stop': callDef({
    summary: 'Stop the runtime; its models stay in their volume.',
    minRole: 'admin',
    input: z.strictObject({}),
    output: sandboxStatusSchema,
  }),
  'sandbox.remove': callDef({
    summary: 'Remove the runtime container; its models stay in their volume for the next level you choose.',
    minRole: 'admin',
    input: z.strictObject({}),
    output: sandboxStatusSchema,
  }),
  'sandbox.start': callDef({
    summary: 'Start the runtime again at its saved level.',
    minRole: 'admin',
    input: z.strictObject({}),
    output: sandboxStatusSchema,
  }),
  'sandbox.pullImage': callDef({
    summary: 'Download a runtime image, reporting bytes per layer as sandbox.progress events.',
    minRole: 'admin',
    input: z.strictObject({ image: imageRefSchema.describe('the image to pull') }),
    output: z.object({ image: z.string(), imageId: z.string() }),
  }),
  'sandbox.loadImage': callDef({
    summary:
      'Load runtime images from a tar file on this machine (docker save output), for offline machines.',
    minRole: 'admin',
    input: z.strictObject({
      path: z
        .string()
        .min(1)
        .max(4096)
        .regex(/\.tar$/i, 'must be the path of a .tar file')
        .describe('absolute path of the .tar file'),
    }),
    output: z.object({ images: z.array(z.string()) }),
  }),
  ...chatCalls,
  ...modelsCalls,
  ...setupCalls,
} as const;

export type CallName = keyof typeof calls;
export type CallInput<C extends CallName> = z.input<(typeof calls)[C]['input']>;
export type CallOutput<C extends CallName> = z.infer<(typeof calls)[C]['output']>;
export const callNames = Object.keys(calls) as CallName[];

/** Every event the core can push to a window. */
export const events = {
  'app.heartbeat': z.object({ seq: z.number().int(), at: z.number(), uptimeMs: z.number() }),
  'app.health': healthOutput,
  'sandbox.progress': sandboxProgressSchema,
  'sandbox.status': sandboxStatusSchema,
  'chat.token': chatTokenEvent,
  'chat.state': chatStateEvent,
  ...setupEvents,
  'models.progress': modelsProgressEvent,
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];

export { isCallName, isEventName } from './contract-names';

/** The surface both carriers expose to the renderer, e.g. `window.airlock` in Electron. */
export interface AirlockBridge {
  invoke<C extends CallName>(call: C, input: CallInput<C>): Promise<Envelope<CallOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
