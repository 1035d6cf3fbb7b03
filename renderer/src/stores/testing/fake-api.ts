// A stand-in for the contract client in store tests: calls answer from
// `answers`, and the test pushes events to whoever listens. Stores are tested
// against the real core in the e2e specs; this isolates their own logic.
import { vi } from 'vitest';
import { setApi, type Api } from '../../api';

export function fakeApi(answers: Record<string, (input: unknown) => Promise<unknown>>) {
  const listeners = new Set<(payload: unknown) => void>();
  const call = vi.fn((name: string, input: unknown) => answers[name]!(input));
  setApi({
    call,
    on: (_event: string, listener: (payload: unknown) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    connection: { get: () => 'open', subscribe: () => () => undefined },
  } as unknown as Api);
  return {
    call,
    listening: () => listeners.size,
    push: (payload: unknown) => listeners.forEach((listener) => listener(payload)),
  };
}
