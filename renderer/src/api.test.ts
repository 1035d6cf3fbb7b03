import { describe, expect, it, vi } from 'vitest';
import type { AirlockBridge, Envelope, EventName } from '../../shared/contract';
import { bridgeCarrier } from './api-carrier';
import { ApiError, createApi, errorSentence } from './api';

/** A stand-in for Electron's window.airlock: answers with whatever envelope the test sets. */
function fakeBridge(answer: (call: string, input: unknown) => Promise<Envelope<unknown>>) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const bridge = {
    invoke: vi.fn(answer),
    on: (event: EventName, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener));
      return () => void set.delete(listener);
    },
  };
  const emit = (event: EventName, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  return { bridge: bridge as unknown as AirlockBridge, invoke: bridge.invoke, emit, listeners };
}

describe('createApi over the Electron bridge', () => {
  it('unwraps a successful envelope', async () => {
    const fake = fakeBridge(() => Promise.resolve({ ok: true, value: { note: 'hi', at: 1 } }));
    const api = createApi(bridgeCarrier(fake.bridge));
    await expect(api.call('app.ping', { note: 'hi' })).resolves.toEqual({ note: 'hi', at: 1 });
    expect(fake.invoke).toHaveBeenCalledWith('app.ping', { note: 'hi' });
  });

  it('throws a typed ApiError whose message is the core’s sentence', async () => {
    const fake = fakeBridge(() =>
      Promise.resolve({
        ok: false,
        error: {
          code: 'forbidden',
          message: 'Only the parent profile may do that.',
          details: { min: 'admin' },
        },
      }),
    );
    const api = createApi(bridgeCarrier(fake.bridge));
    const error = await api.call('app.info', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'forbidden', message: 'Only the parent profile may do that.' });
    expect((error as ApiError).details).toEqual({ min: 'admin' });
    expect(errorSentence(error)).toBe('Only the parent profile may do that.');
  });

  it('turns a carrier that throws into a sentence, never a stack', async () => {
    const fake = fakeBridge(() => Promise.reject(new Error('ipc exploded at foo.js:12')));
    const api = createApi(bridgeCarrier(fake.bridge));
    const error = await api.call('app.info', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'internal', message: 'Something went wrong. Please try again.' });
    expect(errorSentence(new TypeError('x is undefined'))).toBe('Something went wrong. Please try again.');
  });

  it('delivers events until unsubscribed, and reports the bridge as always open', () => {
    const fake = fakeBridge(() => Promise.resolve({ ok: true, value: null }));
    const api = createApi(bridgeCarrier(fake.bridge));
    const seen: number[] = [];
    const stop = api.on('app.heartbeat', (beat) => seen.push(beat.seq));
    fake.emit('app.heartbeat', { seq: 1, at: 0, uptimeMs: 0 });
    stop();
    fake.emit('app.heartbeat', { seq: 2, at: 0, uptimeMs: 0 });
    expect(seen).toEqual([1]);
    expect(api.connection.get()).toBe('open');
  });
});
