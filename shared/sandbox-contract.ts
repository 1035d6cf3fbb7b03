// The sandbox part of the contract: levels, the runtime's settings, the live
// verification report and switch progress. shared/contract.ts lists the calls.
import { z } from 'zod';

export const levels = [1, 2, 3, 4] as const;
export type Level = (typeof levels)[number];

/** PRODUCT.md's threat rows that a sandbox level answers (the rest are answered at every level elsewhere). */
export const threatIds = [
  'host_files',
  'network_exposure',
  'resource_exhaustion',
  'runtime_exploit',
  'phone_home',
  'container_escape',
] as const;
export type ThreatId = (typeof threatIds)[number];

/**
 * An image reference as Docker spells it: `name[:tag][@sha256:digest]`. The
 * pattern admits no whitespace or shell metacharacters, so a bad name is
 * refused here and never reaches the engine.
 */
export const imageRefSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(
    /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]{1,5})?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/,
    'must be an image name such as ollama/ollama:0.17.1 or name@sha256:<64 hex digits>',
  );

/** A Docker volume name; no path separators, so `../` can never name a host folder. */
export const volumeNameSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, 'must be letters, digits, dots, dashes or underscores');

/** What the owner can change about the runtime; each field falls back to the saved value, then the default. */
export const sandboxSettingsInput = z.strictObject({
  level: z.number().int().min(1).max(4).describe('1 Contained, 2 Limited, 3 Offline, 4 Isolated VM'),
  image: imageRefSchema.optional().describe('the runtime image, pinned by digest where possible'),
  memoryMb: z.number().int().min(256).max(1_048_576).optional().describe('memory limit at level 2 and up'),
  cpus: z.number().min(0.1).max(256).optional().describe('CPU limit at level 2 and up'),
  gpu: z.boolean().optional().describe('give the runtime the NVIDIA GPUs'),
  port: z
    .number()
    .int()
    .min(1024)
    .max(65535)
    .optional()
    .describe('the loopback port Airlock serves the runtime on (0 or absent: keep or pick one)'),
  volume: volumeNameSchema.optional().describe('the named volume that holds the models'),
});
export type SandboxSettingsInput = z.infer<typeof sandboxSettingsInput>;

export const sandboxSettingsSchema = z.object({
  level: z.number().int().min(1).max(4),
  image: z.string(),
  memoryMb: z.number(),
  cpus: z.number(),
  gpu: z.boolean(),
  port: z.number().int(),
  volume: z.string(),
});
export type SandboxSettings = z.infer<typeof sandboxSettingsSchema>;

export const checkStatuses = ['verified', 'failed', 'not_covered'] as const;
export type CheckStatus = (typeof checkStatuses)[number];

/** One probe or inspection behind a threat row, e.g. "root filesystem is read-only". */
export const verifyCheckSchema = z.object({
  id: z.string(),
  status: z.enum(checkStatuses),
  /** What was seen, in plain English: the value read back or the probe's answer. */
  evidence: z.string(),
});
export type VerifyCheck = z.infer<typeof verifyCheckSchema>;

export const verifyRowSchema = z.object({
  threat: z.enum(threatIds),
  status: z.enum(checkStatuses),
  evidence: z.string(),
  checks: z.array(verifyCheckSchema),
});
export type VerifyRow = z.infer<typeof verifyRowSchema>;

export const verifyReportSchema = z.object({
  level: z.number().int(),
  containerId: z.string(),
  checkedAt: z.number(),
  rows: z.array(verifyRowSchema),
});
export type VerifyReport = z.infer<typeof verifyReportSchema>;

/** The steps of a level switch, in order; progress events and failures name one. */
export const switchSteps = ['prepare', 'create', 'start', 'ready', 'verify', 'move', 'remove_old'] as const;
export type SwitchStep = (typeof switchSteps)[number];

export const switchOutcomeSchema = z.object({
  operationId: z.string(),
  outcome: z.enum(['switched', 'rolled_back', 'failed']),
  level: z.number().int(),
  /** The step that failed, when the switch did not complete. */
  failedStep: z.enum(switchSteps).optional(),
  /** A sentence for the owner: what happened and what to do. */
  message: z.string(),
  report: verifyReportSchema.optional(),
  durationMs: z.number(),
});
export type SwitchOutcome = z.infer<typeof switchOutcomeSchema>;

export const sandboxStatusSchema = z.object({
  state: z.enum(['none', 'running', 'stopped', 'switching', 'unavailable']),
  /** Why the sandbox is unavailable, when it is (engine missing, not running…). */
  message: z.string().optional(),
  settings: sandboxSettingsSchema,
  engine: z
    .object({
      product: z.string(),
      version: z.string(),
      /** Where Airlock found the engine and why. */
      source: z.string(),
      /** A sentence when this engine weakens a promise (CT-02: Docker Engine before 28.0). */
      advice: z.string().optional(),
    })
    .optional(),
  container: z
    .object({
      id: z.string(),
      name: z.string(),
      image: z.string(),
      imageId: z.string(),
      level: z.number().int(),
      startedAt: z.string().optional(),
      memoryBytes: z.number(),
      nanoCpus: z.number(),
      pidsLimit: z.number(),
    })
    .optional(),
  /** Where Airlock serves the runtime on this machine, e.g. http://127.0.0.1:41234. */
  endpoint: z.string().optional(),
  lastSwitch: switchOutcomeSchema.omit({ report: true }).optional(),
});
export type SandboxStatus = z.infer<typeof sandboxStatusSchema>;

export const sandboxProgressSchema = z.object({
  operationId: z.string(),
  kind: z.enum(['switch', 'pull', 'load']),
  step: z.string(),
  state: z.enum(['running', 'done', 'failed', 'rolling_back', 'rolled_back']),
  message: z.string().optional(),
  /** For pulls: bytes per layer, for a progress bar. */
  layers: z.array(z.object({ id: z.string(), current: z.number(), total: z.number() })).optional(),
  at: z.number(),
});
export type SandboxProgress = z.infer<typeof sandboxProgressSchema>;
