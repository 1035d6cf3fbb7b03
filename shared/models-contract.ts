// The models part of the contract: what the runtime serves and the offline
// demo model. shared/contract.ts joins these calls with the others.
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
} as const;
