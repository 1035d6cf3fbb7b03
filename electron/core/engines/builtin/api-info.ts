// The read-only Ollama calls: GET /api/version, GET /api/tags, POST /api/show
// and GET /api/ps, shaped like Ollama's answers so one client reads both.
// https://github.com/ollama/ollama/blob/main/docs/api.md
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { engineVersion } from './engine-protocol';
import { HttpError, readJson, sendJson } from './http-io';
import type { ModelEntry, ModelFolder } from './model-folder';
import type { ModelRunner } from './model-runner';

export function handleVersion(res: ServerResponse): void {
  // "engine" lets a caller tell this engine from a real Ollama; Ollama clients ignore it.
  sendJson(res, 200, { version: engineVersion, engine: 'airlock-builtin' });
}

/** The `details` object Ollama puts in both /api/tags and /api/show answers. */
function ollamaDetails(d: Awaited<ReturnType<ModelFolder['details']>>): Record<string, unknown> {
  return {
    parent_model: '',
    format: d.format,
    family: d.family,
    families: d.families,
    parameter_size: d.parameter_size,
    quantization_level: d.quantization_level,
  };
}

async function summary(folder: ModelFolder, m: ModelEntry): Promise<Record<string, unknown>> {
  const d = await folder.details(m);
  return {
    name: m.name,
    model: m.name,
    size: m.size,
    digest: await folder.digest(m),
    details: ollamaDetails(d),
  };
}

export async function handleTags(res: ServerResponse, folder: ModelFolder): Promise<void> {
  const models: Record<string, unknown>[] = [];
  for (const m of await folder.list()) {
    // A file whose header cannot be read is listed without details rather than hiding the others.
    const entry = await summary(folder, m).catch(() => ({
      name: m.name,
      model: m.name,
      size: m.size,
      details: {},
    }));
    models.push({ ...entry, modified_at: m.modifiedAt.toISOString() });
  }
  sendJson(res, 200, { models });
}

// Older Ollama clients send "name", newer ones "model".
const showSchema = z.union([z.object({ model: z.string().min(1) }), z.object({ name: z.string().min(1) })]);

export async function handleShow(
  req: IncomingMessage,
  res: ServerResponse,
  folder: ModelFolder,
): Promise<void> {
  const parsed = showSchema.safeParse(await readJson(req));
  if (!parsed.success) throw new HttpError(400, 'invalid show request: "model" is required');
  const wanted = 'model' in parsed.data ? parsed.data.model : parsed.data.name;
  const m = await folder.find(wanted);
  if (!m) throw new HttpError(404, `model '${wanted}' not found`);
  const d = await folder.details(m).catch((error: unknown) => {
    throw new HttpError(500, `model '${wanted}' has an unreadable header: ${(error as Error).message}`);
  });
  sendJson(res, 200, {
    modelfile: '',
    parameters: '',
    template: d.chat_template,
    details: ollamaDetails(d),
    model_info: {
      'general.architecture': d.family,
      'general.parameter_count': d.parameter_count,
      ...(d.context_length === null ? {} : { [`${d.family}.context_length`]: d.context_length }),
    },
    capabilities: ['completion'],
    modified_at: m.modifiedAt.toISOString(),
  });
}

export async function handlePs(res: ServerResponse, runner: ModelRunner, folder: ModelFolder): Promise<void> {
  const models: Record<string, unknown>[] = [];
  for (const loaded of runner.running()) {
    const entry = await summary(folder, loaded.entry);
    models.push({
      ...entry,
      size: loaded.model.size + loaded.context.stateSize,
      // Ollama writes a far-future date for "kept loaded"; null means "while answering" here too.
      expires_at: (loaded.expiresAt ?? new Date(Date.now() + 24 * 3_600_000)).toISOString(),
      size_vram: loaded.model.llama.gpu === false ? 0 : loaded.model.size,
      // Not in Ollama's answer (its clients ignore extra fields): whether it is answering now, and its token count.
      generating: loaded.generating,
      tokens_generated: loaded.tokensGenerated,
    });
  }
  sendJson(res, 200, { models });
}
