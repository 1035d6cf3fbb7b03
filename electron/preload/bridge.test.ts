// EL-05: window.airlock exposes exactly invoke and on, forwards only contract
// names, and subscribes the window to an event only while someone listens.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { callNames, eventNames, type AirlockBridge } from '../../shared/contract';
import { bridgeFunctions, createBridge, type BridgeIpc } from './bridge';

function fakeIpc() {
  let push: (event: unknown, payload: unknown) => void = () => undefined;
  const ipc = {
    invoke: vi.fn<BridgeIpc['invoke']>(() => Promise.resolve({ ok: true, value: 'from core' })),
    subscribe: vi.fn<BridgeIpc['subscribe']>(),
    unsubscribe: vi.fn<BridgeIpc['unsubscribe']>(),
    reset: vi.fn<BridgeIpc['reset']>(),
    onEvent: vi.fn<BridgeIpc['onEvent']>((listener) => (push = listener)),
  };
  return { ipc, push: (event: unknown, payload: unknown) => push(event, payload) };
}

/** The bridge as the untrusted page sees it: any name, any value. */
type Loose = {
  invoke(call: unknown, input: unknown): Promise<unknown>;
  on(event: unknown, listener: unknown): () => void;
};
const loose = (bridge: AirlockBridge) => bridge as unknown as Loose;

describe('createBridge', () => {
  it('exposes exactly invoke and on, and says so as data', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(bridgeFunctions).toEqual(['invoke', 'on']);
    expect(Object.keys(bridge)).toEqual([...bridgeFunctions]);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('starts a fresh subscription session, before anything is subscribed', () => {
    const { ipc } = fakeIpc();
    createBridge(ipc);
    expect(ipc.reset).toHaveBeenCalledTimes(1);
    expect(ipc.subscribe).not.toHaveBeenCalled();
  });

  it.each(callNames)('forwards the contract call %s', async (call) => {
    const { ipc } = fakeIpc();
    const result = await loose(createBridge(ipc)).invoke(call, { any: 'input' });
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(call, { any: 'input' });
    expect(result).toEqual({ ok: true, value: 'from core' });
  });

  it.each(['app.nope', '', 'invoke', '__proto__', 'constructor', 'toString', 'airlock:invoke', 42, null, {}])(
    'refuses the unknown call %j without touching IPC',
    async (call) => {
      const { ipc } = fakeIpc();
      const result = await loose(createBridge(ipc)).invoke(call, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
      expect(ipc.invoke).not.toHaveBeenCalled();
    },
  );

  it('refuses every string that is not a contract call (property)', async () => {
    const { ipc } = fakeIpc();
    const bridge = loose(createBridge(ipc));
    await fc.assert(
      fc.asyncProperty(
        fc.string().filter((s) => !(callNames as string[]).includes(s)),
        async (call) => {
          expect(await bridge.invoke(call, {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
        },
      ),
    );
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it("never runs a page object's toString while refusing it", async () => {
    const toString = vi.fn(() => 'app.ping');
    const result = await loose(createBridge(fakeIpc().ipc)).invoke({ toString }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(() => loose(createBridge(fakeIpc().ipc)).on({ toString }, () => undefined)).toThrow(TypeError);
    expect(toString).not.toHaveBeenCalled();
  });

  it('turns a failed IPC round trip into an envelope the UI can show', async () => {
    const { ipc } = fakeIpc();
    ipc.invoke.mockRejectedValueOnce(new Error("No handler registered for 'airlock:invoke'"));
    const result = await createBridge(ipc).invoke('app.ping', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(JSON.stringify(result)).not.toContain('airlock:invoke');
  });

  it.each(['app.nope', '__proto__', 'airlock:event', 7])(
    'refuses to listen to the unknown event %j',
    (event) => {
      const { ipc } = fakeIpc();
      expect(() => loose(createBridge(ipc)).on(event, () => undefined)).toThrow(TypeError);
      expect(ipc.subscribe).not.toHaveBeenCalled();
    },
  );

  it('refuses a listener that is not a function', () => {
    expect(() => loose(createBridge(fakeIpc().ipc)).on(eventNames[0], 'alert(1)')).toThrow(TypeError);
  });

  it('subscribes on the first listener, unsubscribes after the last, and delivers only that event', () => {
    const { ipc, push } = fakeIpc();
    const bridge = createBridge(ipc);
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = bridge.on('app.heartbeat', first);
    const offSecond = bridge.on('app.heartbeat', second);
    expect(ipc.subscribe).toHaveBeenCalledExactlyOnceWith('app.heartbeat');

    const beat = { seq: 1, at: 2, uptimeMs: 3 };
    push('app.heartbeat', beat);
    push('app.health', { checkedAt: 1, platform: 'linux', components: [] });
    push('not.an.event', {});
    expect(first).toHaveBeenCalledExactlyOnceWith(beat);
    expect(second).toHaveBeenCalledExactlyOnceWith(beat);

    offFirst();
    offFirst();
    expect(ipc.unsubscribe).not.toHaveBeenCalled();
    offSecond();
    expect(ipc.unsubscribe).toHaveBeenCalledExactlyOnceWith('app.heartbeat');
    push('app.heartbeat', beat);
    expect(first).toHaveBeenCalledTimes(1);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const { ipc, push } = fakeIpc();
    const bridge = createBridge(ipc);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const good = vi.fn();
    bridge.on('app.heartbeat', () => {
      throw new Error('broken view');
    });
    bridge.on('app.heartbeat', good);
    push('app.heartbeat', { seq: 1, at: 1, uptimeMs: 1 });
    expect(good).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('counts the same function registered twice as two listeners', () => {
    const { ipc } = fakeIpc();
    const bridge = createBridge(ipc);
    const listener = vi.fn();
    const a = bridge.on('app.heartbeat', listener);
    const b = bridge.on('app.heartbeat', listener);
    a();
    expect(ipc.unsubscribe).not.toHaveBeenCalled();
    b();
    expect(ipc.unsubscribe).toHaveBeenCalledTimes(1);
  });
});
