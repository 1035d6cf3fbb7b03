// Events reach a window only while it subscribes, only by contract name, and
// the core sees no listener left once the window is gone.
import { describe, expect, it } from 'vitest';
import { EventHub } from '../core/event-hub';
import { EventForwarder, type EventSink } from './event-forwarder';

class FakeSink implements EventSink {
  destroyed = false;
  readonly sent: unknown[][] = [];
  constructor(readonly id: number) {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
}

const beat = (seq: number) => ({ seq, at: seq, uptimeMs: seq });

function setup() {
  const hub = new EventHub();
  return { hub, forwarder: new EventForwarder(hub, 'airlock:event') };
}

describe('EventForwarder', () => {
  it('forwards a subscribed event on the channel, and nothing else', () => {
    const { hub, forwarder } = setup();
    const sink = new FakeSink(1);
    expect(forwarder.subscribe(sink, 'app.heartbeat')).toBe(true);
    hub.emit('app.heartbeat', beat(1));
    hub.emit('app.health', { checkedAt: 1, platform: 'linux', components: [] });
    expect(sink.sent).toEqual([['airlock:event', 'app.heartbeat', beat(1)]]);
  });

  it.each(['app.nope', '__proto__', 'constructor', '', 3, null, { name: 'app.heartbeat' }])(
    'ignores the name %j',
    (name) => {
      const { hub, forwarder } = setup();
      expect(forwarder.subscribe(new FakeSink(1), name)).toBe(false);
      expect(hub.count('app.heartbeat')).toBe(0);
    },
  );

  it('subscribes once however often the window asks, and unsubscribes', () => {
    const { hub, forwarder } = setup();
    const sink = new FakeSink(1);
    forwarder.subscribe(sink, 'app.heartbeat');
    forwarder.subscribe(sink, 'app.heartbeat');
    expect(hub.count('app.heartbeat')).toBe(1);
    hub.emit('app.heartbeat', beat(1));
    expect(sink.sent).toHaveLength(1);
    forwarder.unsubscribe(1, 'app.heartbeat');
    expect(hub.count('app.heartbeat')).toBe(0);
    hub.emit('app.heartbeat', beat(2));
    expect(sink.sent).toHaveLength(1);
  });

  it('keeps windows apart', () => {
    const { hub, forwarder } = setup();
    const a = new FakeSink(1);
    const b = new FakeSink(2);
    forwarder.subscribe(a, 'app.heartbeat');
    forwarder.subscribe(b, 'app.health');
    hub.emit('app.heartbeat', beat(1));
    expect(a.sent).toHaveLength(1);
    expect(b.sent).toHaveLength(0);
    forwarder.clear(1);
    expect(forwarder.subscriptions(1)).toEqual([]);
    expect(forwarder.subscriptions(2)).toEqual(['app.health']);
  });

  it('drops a destroyed window at the next event, so the core stops counting it', () => {
    const { hub, forwarder } = setup();
    const sink = new FakeSink(1);
    forwarder.subscribe(sink, 'app.heartbeat');
    sink.destroyed = true;
    hub.emit('app.heartbeat', beat(1));
    expect(sink.sent).toEqual([]);
    expect(hub.count('app.heartbeat')).toBe(0);
  });

  it('releases everything on dispose', () => {
    const { hub, forwarder } = setup();
    forwarder.subscribe(new FakeSink(1), 'app.heartbeat');
    forwarder.subscribe(new FakeSink(2), 'app.heartbeat');
    forwarder.dispose();
    expect(hub.count('app.heartbeat')).toBe(0);
  });
});
