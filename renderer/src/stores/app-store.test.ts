import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Health } from '../../../shared/contract';
import { ApiError, setApi, type Api, type ConnectionState } from '../api';
import { useApp } from './app-store';
import { useToasts } from './toast-store';

const health = (checkedAt: number): Health => ({
  checkedAt,
  platform: 'linux',
  components: [{ id: 'docker', status: 'ok', reason: 'ok', detail: 'fine' }],
});
const info = {
  name: 'Airlock',
  version: '0.1.0',
  carrier: 'serve',
  platform: 'linux',
  arch: 'x64',
  nodeVersion: '20',
  startedAt: 0,
} as const;

/** A fake api: calls answer from `answers`, events and connection changes are pushed by the test. */
function fakeApi(answers: Record<string, (input: unknown) => Promise<unknown>>) {
  const events = new Map<string, (payload: unknown) => void>();
  const states = new Set<(state: ConnectionState) => void>();
  const call = vi.fn((name: string, input: unknown) => answers[name]!(input));
  const api = {
    call,
    on: (event: string, listener: (payload: unknown) => void) => {
      events.set(event, listener);
      return () => void events.delete(event);
    },
    connection: {
      get: () => 'open' as const,
      subscribe: (listener: (state: ConnectionState) => void) => {
        states.add(listener);
        return () => void states.delete(listener);
      },
    },
  } as unknown as Api;
  setApi(api);
  return {
    call,
    push: (event: string, payload: unknown) => events.get(event)?.(payload),
    connection: (state: ConnectionState) => states.forEach((l) => l(state)),
  };
}

beforeEach(() => {
  useApp.setState({ info: undefined, health: undefined, healthError: undefined, checking: false });
  useToasts.setState({ toasts: [] });
});

describe('app store', () => {
  it('loads info and health, then follows what the core pushes', async () => {
    const fake = fakeApi({
      'app.info': () => Promise.resolve(info),
      'app.health': () => Promise.resolve(health(1)),
    });
    const stop = useApp.getState().start();
    await vi.waitFor(() => expect(useApp.getState().health?.checkedAt).toBe(1));
    expect(useApp.getState().info?.version).toBe('0.1.0');
    fake.push('app.health', health(2));
    expect(useApp.getState().health?.checkedAt).toBe(2);
    stop();
    fake.push('app.health', health(3));
    expect(useApp.getState().health?.checkedAt).toBe(2);
  });

  it('checks again with refresh, and a failure after a success becomes a toast', async () => {
    let fail = false;
    const fake = fakeApi({
      'app.health': () =>
        fail
          ? Promise.reject(new ApiError('timeout', 'The core did not answer.'))
          : Promise.resolve(health(5)),
    });
    await useApp.getState().checkAgain();
    expect(fake.call).toHaveBeenCalledWith('app.health', { refresh: true });
    expect(useApp.getState()).toMatchObject({ checking: false, health: { checkedAt: 5 } });

    fail = true;
    await useApp.getState().checkAgain();
    expect(useToasts.getState().toasts).toMatchObject([
      { tone: 'error', message: 'The core did not answer.' },
    ]);
    expect(useApp.getState().health?.checkedAt).toBe(5);
  });

  it('shows a first failure in place, as a sentence', async () => {
    fakeApi({ 'app.health': () => Promise.reject(new Error('stack trace at x.js:1')) });
    await useApp.getState().loadHealth();
    expect(useApp.getState().healthError).toBe('Something went wrong. Please try again.');
    expect(useToasts.getState().toasts).toEqual([]);
  });

  it('reloads after the connection comes back', async () => {
    const fake = fakeApi({
      'app.info': () => Promise.resolve(info),
      'app.health': () => Promise.resolve(health(1)),
    });
    const stop = useApp.getState().start();
    await vi.waitFor(() => expect(useApp.getState().health).toBeDefined());
    fake.call.mockClear();
    fake.connection('closed');
    expect(useApp.getState().connection).toBe('closed');
    fake.connection('open');
    await vi.waitFor(() => expect(fake.call).toHaveBeenCalledWith('app.health', {}));
    stop();
  });
});
