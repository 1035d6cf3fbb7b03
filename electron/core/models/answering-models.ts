// Which models are answering a chat right now, so deleting one mid-answer is
// refused. A chat that names no model uses the runtime's first one, which the
// core learns only later, so such a chat counts as "any model may be busy".
const anyModel = '*';

export class AnsweringModels {
  private readonly counts = new Map<string, number>();

  /** Runs one answer, counting its model as busy until it ends. */
  async track<T>(model: string | undefined, answer: () => Promise<T>): Promise<T> {
    const key = model === undefined ? anyModel : fullName(model);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    try {
      return await answer();
    } finally {
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
    }
  }

  busy(name: string): boolean {
    return this.counts.has(fullName(name)) || this.counts.has(anyModel);
  }
}

/** "tiny" and "tiny:latest" are the same model, as Ollama and the built-in engine name them. */
function fullName(name: string): string {
  const bare = name.endsWith('.gguf') ? name.slice(0, -'.gguf'.length) : name;
  return bare.includes(':') ? bare : `${bare}:latest`;
}
