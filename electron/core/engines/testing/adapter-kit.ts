// Shared by the runtime adapters' tests: one chat request on the demo model,
// draining an answer's parts, and the RuntimeFailure a call ends with.
import { expect } from 'vitest';
import { RuntimeFailure } from '../../chat/runtime-errors';

export const chatBody = (numPredict: number, seed = 1, model = 'demo') => ({
  model,
  messages: [{ role: 'user' as const, content: 'Tell me a short story.' }],
  options: { seed, temperature: 0.8, num_predict: numPredict },
});

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export async function failureOf(promise: Promise<unknown>): Promise<RuntimeFailure> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuntimeFailure);
  return error as RuntimeFailure;
}
