// Forwards core events to the windows that subscribed to them, and only
// those. A window's subscriptions are a session: they end when it navigates,
// reloads or closes (ARCHITECTURE.md, "Subscriptions are sessions").
import { isEventName, type EventName } from '../../shared/contract';
import type { EventHub } from '../core/event-hub';

/** The part of a WebContents the forwarder needs; tests pass a fake. */
export interface EventSink {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, event: EventName, payload: unknown): void;
}

export class EventForwarder {
  private readonly sinks = new Map<number, Map<EventName, () => void>>();

  constructor(
    private readonly hub: EventHub,
    private readonly channel: string,
  ) {}

  /** Starts forwarding `event` to the sink; names outside the contract are ignored. Returns whether it took. */
  subscribe(sink: EventSink, event: unknown): boolean {
    if (!isEventName(event)) return false;
    const subs = this.sinks.get(sink.id) ?? new Map<EventName, () => void>();
    this.sinks.set(sink.id, subs);
    if (subs.has(event)) return true;
    const off = this.hub.on(event, (payload) => {
      if (sink.isDestroyed()) this.clear(sink.id);
      else sink.send(this.channel, event, payload);
    });
    subs.set(event, off);
    return true;
  }

  unsubscribe(sinkId: number, event: unknown): void {
    if (!isEventName(event)) return;
    const subs = this.sinks.get(sinkId);
    subs?.get(event)?.();
    subs?.delete(event);
    if (subs?.size === 0) this.sinks.delete(sinkId);
  }

  /** Ends every subscription of one window (it closed, navigated or reloaded). */
  clear(sinkId: number): void {
    for (const off of this.sinks.get(sinkId)?.values() ?? []) off();
    this.sinks.delete(sinkId);
  }

  subscriptions(sinkId: number): EventName[] {
    return [...(this.sinks.get(sinkId)?.keys() ?? [])];
  }

  dispose(): void {
    for (const id of [...this.sinks.keys()]) this.clear(id);
  }
}
