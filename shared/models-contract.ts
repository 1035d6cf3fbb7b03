// The models part of the contract: what the runtime serves, the offline demo
// model, and verified import into the inventory (SECURITY.md MI-01…MI-06). shared/contract.ts joins these calls with the others.
import { z } from 'zod';
import { callDef } from './call-def';

/** Ollama-style model names ("llama3.2:1b", "demo:latest", "library/name:tag"). */
export const modelNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'must be a model name such as llama3.2:1b');

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

/** The publisher's SHA-256: 64 lowercase hex digits, optionally after "sha256:" (MI-02). */
export const sha256InputSchema = z
  .string()
  .max(71)
  .regex(/^(?:sha256:)?[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal digits');

/** A name for an imported model: the file in the model folder is `<name>.gguf`, served as `<name>:latest`. */
export const importNameSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must start with a letter or digit, then letters, digits, . _ -');

const operationIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an id Airlock gave out (letters, digits, - and _)');

export const modelsImportInput = z
  .strictObject({
    path: z.string().min(1).max(4096).optional().describe('absolute path of a model file on this machine'),
    url: z.string().min(1).max(2048).optional().describe('https address of a model file'),
    sha256: sha256InputSchema.describe("the publisher's SHA-256 of the file (64 hex digits)"),
    name: importNameSchema.optional().describe('the name to serve it under (default: from the file name)'),
  })
  .refine((input) => (input.path === undefined) !== (input.url === undefined), {
    message: 'give either a path or a url',
  });

/** Where a model came from; `label` is safe to show anyone (a base name, or a URL without its query). */
export const modelSourceSchema = z.object({
  kind: z.enum(['file', 'url', 'demo', 'found']),
  label: z.string(),
});

/** MI-06: what re-hashing the stored file found; a changed or missing model is not served. */
export const integritySchema = z.object({
  state: z.enum(['ok', 'changed', 'missing']),
  /** Where the flagged copy was: the model folder on this machine, or the sandbox's model volume. */
  where: z.enum(['host', 'sandbox']).optional(),
  /** The SHA-256 the check found, when the file was there to hash. */
  found: z.string().optional(),
  checkedAt: z.number().optional(),
});

export const modelEntrySchema = z.object({
  id: z.string(),
  /** What the runtime serves it as ("tiny:latest"); chats name it so. */
  name: z.string(),
  fileName: z.string(),
  source: modelSourceSchema,
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  size: z.number().int().nonnegative(),
  format: z.enum(['gguf', 'safetensors']),
  architecture: z.string().optional(),
  parameterCount: z.number().int().nonnegative().optional(),
  quantization: z.string().optional(),
  contextLength: z.number().int().nonnegative().optional(),
  /** MI-04: no chat template, a template with no injection markers, or one that was flagged. */
  templateVerdict: z.enum(['none', 'safe', 'flagged']),
  scan: z.object({ verdict: z.enum(['passed', 'quarantined']), findings: z.array(z.string()) }),
  importedAt: z.number(),
  /** The role (later the profile) that imported it, or "airlock" for files it found or wrote itself. */
  importedBy: z.string(),
  integrity: integritySchema,
});
export type ModelEntry = z.infer<typeof modelEntrySchema>;

export const importPhases = ['hashing', 'downloading', 'scanning', 'done', 'failed'] as const;
export type ImportPhase = (typeof importPhases)[number];

/** Why an import was refused: the contract's error code, SECURITY.md's reason (DIGEST_MISMATCH…) and a sentence. */
export const importFailureSchema = z.object({
  code: z.string(),
  reason: z.string(),
  message: z.string(),
});

export const modelsProgressEvent = z.object({
  operationId: z.string(),
  phase: z.enum(importPhases),
  bytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative().optional(),
  message: z.string().optional(),
  /** On `done`: the new inventory entry. */
  entry: modelEntrySchema.optional(),
  /** On `failed`: why, in words. */
  error: importFailureSchema.optional(),
});
export type ModelsProgress = z.infer<typeof modelsProgressEvent>;

export const modelsInventoryOutput = z.object({
  models: z.array(modelEntrySchema),
  /** Whether the caller may import and delete (the core refuses anyway); the window hides the controls. */
  canManage: z.boolean(),
});

export const verifyResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['ok', 'changed', 'missing']),
  expected: z.string(),
  found: z.string().optional(),
  where: z.enum(['host', 'sandbox']),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;

export const modelsVerifyOutput = z.object({
  results: z.array(verifyResultSchema),
  checkedAt: z.number(),
});

export const modelsCalls = {
  'models.list': callDef({
    summary: 'The models the runtime serves: the sandbox when one runs, else the built-in engine.',
    minRole: 'kid',
    input: z.strictObject({}),
    output: modelsListOutput,
  }),
  'models.demo': callDef({
    summary: 'Write the offline demo model (random weights, gibberish answers) for the built-in engine.',
    minRole: 'admin',
    input: z.strictObject({}),
    output: modelsDemoOutput,
  }),
  'models.import': callDef({
    summary:
      'Import a model file from a path or an https URL with its SHA-256; answers an operation id at once, then models.progress events.',
    minRole: 'admin',
    input: modelsImportInput,
    output: z.object({ operationId: z.string() }),
  }),
  'models.importStatus': callDef({
    summary: "An import's latest progress, and its result once it has ended.",
    minRole: 'admin',
    input: z.strictObject({ operationId: operationIdSchema.describe('the id models.import answered') }),
    output: modelsProgressEvent,
  }),
  'models.cancelImport': callDef({
    summary: 'Cancel an import; nothing of it is kept.',
    minRole: 'admin',
    input: z.strictObject({ operationId: operationIdSchema.describe('the id models.import answered') }),
    output: z.object({ cancelled: z.boolean() }),
  }),
  'models.inventory': callDef({
    summary: 'Every model in the inventory: source, SHA-256, size, format and scan verdict.',
    minRole: 'kid',
    input: z.strictObject({}),
    output: modelsInventoryOutput,
  }),
  'models.verify': callDef({
    summary:
      'Re-hash the stored model files (and their copies in a running sandbox) against the recorded SHA-256; a changed or missing one is flagged and no longer served.',
    minRole: 'admin',
    input: z.strictObject({
      id: operationIdSchema.optional().describe('the inventory id of one model (default: every model)'),
    }),
    output: modelsVerifyOutput,
  }),
  'models.delete': callDef({
    summary: 'Delete an imported model: its file and its inventory entry.',
    minRole: 'admin',
    input: z.strictObject({ id: operationIdSchema.describe('the inventory id of the model') }),
    output: z.object({ deleted: z.boolean() }),
  }),
} as const;
