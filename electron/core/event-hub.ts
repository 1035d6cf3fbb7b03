// Typed fan-out of contract events from services to every carrier's
// subscribers; producers can ask whether anyone is listening before working.
import type { EventName, EventPayload } from '../../shared/contract';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;
type AnyListener = (payload: unknown) => void;

export class EventHub {
  private readonly listeners = new Map<EventName, Set<AnyListener>>();
  private readonly watchers = new Set<(event: EventName, count: number) => void>();

  /** Subscribes; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set<AnyListener>();
    this.listeners.set(event, set);
    const wrapped = listener as AnyListener;
    set.add(wrapped);
    this.notify(event);
    return () => {
      if (set.delete(wrapped)) this.notify(event);
    };
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch {
        // One broken subscriber (a closed socket) must not starve the others.
      }
    }
  }

  count(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  /** Called with the new subscriber count whenever it changes. */
  watch(watcher: (event: EventName, count: number) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  private notify(event: EventName): void {
    for (const watcher of this.watchers) watcher(event, this.count(event));
  }
}
