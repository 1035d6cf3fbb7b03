// Every way a runtime can fail a chat, as one plain sentence the user reads in
// the conversation (issue 4: runtime not running, model missing, out of
// memory, context too long). Engine messages are matched, never shown raw at length.

export type RuntimeFailureKind =
  | 'not_running'
  | 'refused'
  | 'model_missing'
  | 'context_too_long'
  | 'out_of_memory'
  | 'first_token_timeout'
  | 'stalled'
  | 'died'
  | 'engine_error';

export class RuntimeFailure extends Error {
  constructor(
    readonly kind: RuntimeFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'RuntimeFailure';
  }
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} seconds`;

export const failures = {
  notRunning: () =>
    new RuntimeFailure(
      'not_running',
      'The model runtime is not running. Start it from the Security view, or try again in a moment.',
    ),
  refused: () =>
    new RuntimeFailure(
      'refused',
      'The model runtime refused Airlock’s request. Restart Airlock; if it keeps happening, check the sandbox.',
    ),
  modelMissing: (model: string) =>
    new RuntimeFailure(
      'model_missing',
      `The model "${model}" is not installed. Choose another model, or add one in Models.`,
    ),
  noModels: () =>
    new RuntimeFailure(
      'model_missing',
      'No model is installed yet. Add one in Models, or write the offline demo model with "airlock models.demo".',
    ),
  firstToken: (ms: number) =>
    new RuntimeFailure(
      'first_token_timeout',
      `The model did not start answering within ${seconds(ms)}. It may still be loading, or the runtime is stuck; please try again.`,
    ),
  stalled: (ms: number) =>
    new RuntimeFailure(
      'stalled',
      `The model stopped answering partway through (nothing new for ${seconds(ms)}). What it wrote so far is kept.`,
    ),
  died: (why?: string) =>
    new RuntimeFailure(
      'died',
      `The model runtime stopped in the middle of the answer. What it wrote so far is kept.${why ? ` ${why}` : ''}`,
    ),
};

/** Turns a runtime's `{"error": "..."}` answer (Ollama and the built-in engine) into a sentence. */
export function fromRuntimeError(status: number, error: string, model: string): RuntimeFailure {
  if (status === 404 || /model .*not found|no such model|pull the model/i.test(error))
    return failures.modelMissing(model);
  if (status === 401 || status === 403) return failures.refused();
  if (/context|too long|exceeds|n_ctx|prompt is too large|truncat/i.test(error) || status === 413)
    return new RuntimeFailure(
      'context_too_long',
      'This conversation is too long for the model to keep in mind. Start a new conversation to carry on.',
    );
  if (/out of memory|\boom\b|failed to allocate|insufficient memory|cudaMalloc/i.test(error))
    return new RuntimeFailure(
      'out_of_memory',
      'The model ran out of memory. Try a smaller model, or close other programs and try again.',
    );
  if (status === 502 || status === 503) return failures.notRunning();
  const short = error.replace(/\s+/g, ' ').trim().slice(0, 160);
  return new RuntimeFailure(
    'engine_error',
    `The model runtime could not answer${short ? ` (${short.replace(/\.$/, '')})` : ''}. Please try again.`,
  );
}
