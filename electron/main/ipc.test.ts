// EL-05 at the binding: with Electron's ipcMain replaced by a fake, only the
// app's own top frame reaches the router or gets events, and unbinding
// leaves nothing behind.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EventHub } from '../core/event-hub';
import type { Router } from '../core/router';
import { ipcChannels } from '../core/shell-policy/ipc-channels';

type Handler = (event: FakeEvent, ...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Handler[]>();
  return {
    handlers,
    listeners,
    main: {
      handle: (channel: string, fn: Handler) => handlers.set(channel, fn),
      removeHandler: (channel: string) => handlers.delete(channel),
      on: (channel: string, fn: Handler) => listeners.set(channel, [...(listeners.get(channel) ?? []), fn]),
      removeAllListeners: (channel: string) => listeners.delete(channel),
    },
  };
});
vi.mock('electron', () => ({ ipcMain: fake.main }));

const { bindIpc } = await import('./ipc');

class FakeContents extends EventEmitter {
  destroyed = false;
  readonly sent: unknown[][] = [];
  constructor(readonly id: number) {
    super();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
}

interface FakeEvent {
  sender: FakeContents;
  senderFrame: { url: string; parent: object | null } | null;
}

const appFrame = { url: 'app://airlock/index.html', parent: null };
const frames: Record<string, FakeEvent['senderFrame']> = {
  'no frame': null,
  'a sub-frame': { url: 'app://airlock/index.html', parent: {} },
  'a foreign page': { url: 'https://example.com/', parent: null },
  'a look-alike origin': { url: 'app://airlock.evil/', parent: null },
};

let contents: FakeContents;
let dispatch: ReturnType<typeof vi.fn<Router['dispatch']>>;
let hub: EventHub;
let log: ReturnType<typeof vi.fn<(line: string) => void>>;
let unbind: () => void;

const invoke = (frame: FakeEvent['senderFrame'], ...args: unknown[]) =>
  fake.handlers.get(ipcChannels.invoke)!({ sender: contents, senderFrame: frame }, ...args);
const send = (channel: string, frame: FakeEvent['senderFrame'], ...args: unknown[]) => {
  for (const fn of fake.listeners.get(channel) ?? []) fn({ sender: contents, senderFrame: frame }, ...args);
};

beforeEach(() => {
  fake.handlers.clear();
  fake.listeners.clear();
  contents = new FakeContents(1);
  hub = new EventHub();
  dispatch = vi.fn<Router['dispatch']>(() => Promise.resolve({ ok: true, value: 'done' }));
  log = vi.fn();
  unbind = bindIpc({ router: { dispatch }, events: hub, context: () => ({ role: 'kid' }) }, log);
});

describe('bindIpc', () => {
  it('binds one invoke handler and the subscription messages, on the shared channel names', () => {
    expect([...fake.handlers.keys()]).toEqual([ipcChannels.invoke]);
    expect([...fake.listeners.keys()].sort()).toEqual(
      [ipcChannels.subscribe, ipcChannels.unsubscribe, ipcChannels.reset].sort(),
    );
  });

  it("dispatches the app top frame's call with the core's context, not the caller's", async () => {
    expect(await invoke(appFrame, 'app.ping', { note: 'x' })).toEqual({ ok: true, value: 'done' });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('app.ping', { note: 'x' }, { role: 'kid' });
  });

  it.each(Object.keys(frames))('refuses a call from %s before the router sees it', async (name) => {
    const result = await invoke(frames[name]!, 'app.ping', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('refuses a frame whose url getter throws (a destroyed frame)', async () => {
    const event: FakeEvent = {
      sender: contents,
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };
    const result = await fake.handlers.get(ipcChannels.invoke)!(event, 'app.ping', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('forwards a subscribed event to the window and stops on unsubscribe', () => {
    send(ipcChannels.subscribe, appFrame, 'app.heartbeat');
    hub.emit('app.heartbeat', { seq: 1, at: 1, uptimeMs: 1 });
    expect(contents.sent).toEqual([[ipcChannels.event, 'app.heartbeat', { seq: 1, at: 1, uptimeMs: 1 }]]);
    send(ipcChannels.unsubscribe, appFrame, 'app.heartbeat');
    expect(hub.count('app.heartbeat')).toBe(0);
  });

  it.each(Object.keys(frames))('ignores subscriptions from %s', (name) => {
    send(ipcChannels.subscribe, frames[name]!, 'app.heartbeat');
    expect(hub.count('app.heartbeat')).toBe(0);
  });

  it('ignores names outside the contract', () => {
    send(ipcChannels.subscribe, appFrame, 'app.nope');
    send(ipcChannels.subscribe, appFrame, '__proto__');
    expect(hub.count('app.heartbeat') + hub.count('app.health')).toBe(0);
  });

  it('drops a window’s subscriptions on reset (a reload) and when it is destroyed', () => {
    send(ipcChannels.subscribe, appFrame, 'app.heartbeat');
    send(ipcChannels.reset, frames['a foreign page']!);
    expect(hub.count('app.heartbeat')).toBe(1);
    send(ipcChannels.reset, appFrame);
    expect(hub.count('app.heartbeat')).toBe(0);

    send(ipcChannels.subscribe, appFrame, 'app.health');
    contents.emit('destroyed');
    expect(hub.count('app.health')).toBe(0);
  });

  it('unbinds everything', () => {
    send(ipcChannels.subscribe, appFrame, 'app.heartbeat');
    unbind();
    expect(fake.handlers.size).toBe(0);
    expect(fake.listeners.size).toBe(0);
    expect(hub.count('app.heartbeat')).toBe(0);
  });
});
