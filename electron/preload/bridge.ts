// Builds `window.airlock` (the AirlockBridge) over an injected IPC port:
// contract names only, no channel strings, no raw ipcRenderer (EL-05). Pure,
// so a unit test can hold the exact set of exposed functions.
import type {
  AirlockBridge,
  CallInput,
  CallName,
  CallOutput,
  Envelope,
  EventName,
  EventPayload,
} from '../../shared/contract';
import { isCallName, isEventName } from '../../shared/contract-names';

/** What the preload's ipcRenderer adapter provides; tests pass a fake. */
export interface BridgeIpc {
  invoke(call: CallName, input: unknown): Promise<unknown>;
  subscribe(event: EventName): void;
  unsubscribe(event: EventName): void;
  /** Tells the core this document starts with no subscriptions (a reload must not inherit the last page's). */
  reset(): void;
  /** Registers the single listener for every event the core pushes to this window. */
  onEvent(listener: (event: unknown, payload: unknown) => void): void;
}

/** Every function `window.airlock` exposes, as data for the contract test. */
export const bridgeFunctions = ['invoke', 'on'] as const;

type Listener = (payload: unknown) => void;

export function createBridge(ipc: BridgeIpc): AirlockBridge {
  const listeners = new Map<EventName, Set<Listener>>();

  ipc.reset();
  ipc.onEvent((event, payload) => {
    if (!isEventName(event)) return;
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One broken view must not starve the others of the event.
        console.error(`[airlock] a listener for ${event} failed`, error);
      }
    }
  });

  const bridge: AirlockBridge = {
    invoke<C extends CallName>(call: C, input: CallInput<C>): Promise<Envelope<CallOutput<C>>> {
      // The page is untrusted: `call` is whatever it passed, whatever the types say.
      if (!isCallName(call)) {
        return Promise.resolve(failure('unknown_call', `Airlock has no call named ${describe(call)}.`));
      }
      return (ipc.invoke(call, input) as Promise<Envelope<CallOutput<C>>>).catch(() =>
        failure('unavailable', 'Airlock’s core did not answer. Restart Airlock and try again.'),
      );
    },

    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (!isEventName(event)) throw new TypeError(`Airlock has no event named ${describe(event)}.`);
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      // A fresh wrapper per call, so the same function registered twice unsubscribes twice.
      const wrapped: Listener = (payload) => listener(payload as EventPayload<E>);
      set.add(wrapped);
      // Only the first listener of an event asks the core to forward it.
      if (set.size === 1) ipc.subscribe(event);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        set.delete(wrapped);
        if (set.size === 0) {
          listeners.delete(event);
          ipc.unsubscribe(event);
        }
      };
    },
  };
  return bridge;
}

/** A name for a message, never through String(): a page object's toString would run here. */
function describe(name: unknown): string {
  return typeof name === 'string' ? JSON.stringify(name.slice(0, 100)) : `of type ${typeof name}`;
}

function failure(code: 'unknown_call' | 'unavailable', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
