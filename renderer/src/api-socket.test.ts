import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from './api-carrier';
import { socketCarrier, type SocketLike } from './api-socket';

const token = 't'.repeat(43);

class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onerror: SocketLike['onerror'] = null;
  sent: unknown[] = [];
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.drop();
  }
  open() {
    this.onopen?.({} as Event);
  }
  drop() {
    this.onclose?.({} as CloseEvent);
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent);
  }
}

function setup(options: { token?: string; serverUp?: boolean } = {}) {
  const sockets: FakeSocket[] = [];
  const states: ConnectionState[] = [];
  const carrier = socketCarrier({
    url: 'ws://127.0.0.1:1/ws',
    token: 'token' in options ? options.token : token,
    createSocket: (url, protocols) => {
      const socket = new FakeSocket(url, protocols);
      sockets.push(socket);
      return socket;
    },
    serverAnswers: () => Promise.resolve(options.serverUp ?? false),
    connectTimeoutMs: 1000,
    answerTimeoutMs: 5000,
    backoffMs: () => 100,
  });
  carrier.onState((state) => states.push(state));
  return { carrier, sockets, states, last: () => sockets.at(-1)! };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('socketCarrier', () => {
  it('offers the wire protocol and the token as subprotocols', () => {
    const { last } = setup();
    expect(last().protocols).toEqual(['airlock.v1', `airlock.token.${token}`]);
  });

  it('holds calls until the socket opens, then matches answers by id', async () => {
    const { carrier, last } = setup();
    const answer = carrier.invoke('app.ping', { note: 'x' });
    expect(last().sent).toEqual([]);
    last().open();
    expect(last().sent).toEqual([{ t: 'call', id: 1, call: 'app.ping', input: { note: 'x' } }]);
    last().receive({ t: 'result', id: 1, ok: true, value: { note: 'x', at: 5 } });
    await expect(answer).resolves.toEqual({ ok: true, value: { note: 'x', at: 5 } });
  });

  it('passes error envelopes through and ignores malformed messages', async () => {
    const { carrier, last } = setup();
    last().open();
    const answer = carrier.invoke('app.info', {});
    last().onmessage?.({ data: 'not json' } as MessageEvent);
    last().receive({ t: 'result', id: 1, ok: false, error: { code: 'nope', message: 'x' } });
    last().receive({ t: 'result', id: 1, ok: false, error: { code: 'not_found', message: 'Gone.' } });
    await expect(answer).resolves.toEqual({ ok: false, error: { code: 'not_found', message: 'Gone.' } });
  });

  it('gives up on a call that waits too long for a connection', async () => {
    const { carrier } = setup();
    const answer = carrier.invoke('app.info', {});
    await vi.advanceTimersByTimeAsync(1000);
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('reconnects after a drop and subscribes again', async () => {
    const { carrier, sockets, states, last } = setup();
    const payloads: unknown[] = [];
    carrier.on('app.health', (p) => payloads.push(p));
    last().open();
    expect(last().sent).toEqual([{ t: 'sub', event: 'app.health' }]);
    const inFlight = carrier.invoke('app.info', {});
    last().drop();
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(carrier.state()).toBe('closed');

    await vi.advanceTimersByTimeAsync(100);
    expect(sockets).toHaveLength(2);
    last().open();
    expect(last().sent).toEqual([{ t: 'sub', event: 'app.health' }]);
    last().receive({ t: 'event', event: 'app.health', payload: { fresh: true } });
    expect(payloads).toEqual([{ fresh: true }]);
    expect(states).toEqual(['open', 'closed', 'open']);
  });

  it('unsubscribes when the last listener leaves', () => {
    const { carrier, last } = setup();
    last().open();
    const a = carrier.on('app.heartbeat', () => undefined);
    const b = carrier.on('app.heartbeat', () => undefined);
    a();
    a();
    expect(last().sent).toEqual([{ t: 'sub', event: 'app.heartbeat' }]);
    b();
    expect(last().sent).toEqual([
      { t: 'sub', event: 'app.heartbeat' },
      { t: 'unsub', event: 'app.heartbeat' },
    ]);
  });

  it('keeps retrying while the server is down', async () => {
    const { carrier, sockets, last } = setup({ serverUp: false });
    last().drop();
    await vi.advanceTimersByTimeAsync(0);
    expect(carrier.state()).toBe('closed');
    await vi.advanceTimersByTimeAsync(100);
    expect(sockets).toHaveLength(2);
  });

  it('stops and says why when the server is up but refuses the token', async () => {
    const { carrier, sockets, last } = setup({ serverUp: true });
    const waiting = carrier.invoke('app.info', {});
    last().drop();
    await vi.advanceTimersByTimeAsync(0);
    expect(carrier.state()).toBe('unauthorized');
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets).toHaveLength(1);
  });

  it('does not even try without a token', async () => {
    const { carrier, sockets } = setup({ token: undefined });
    expect(sockets).toHaveLength(0);
    expect(carrier.state()).toBe('unauthorized');
    await expect(carrier.invoke('app.info', {})).resolves.toMatchObject({ error: { code: 'forbidden' } });
  });
});
