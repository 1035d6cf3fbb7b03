// What api.ts needs from a carrier, whichever one is underneath: the Electron
// bridge (window.airlock) or the `serve` WebSocket.
import type { AirlockBridge, CallName, Envelope, EventName } from '../../shared/contract';

/** closed: the link dropped and a reconnect is scheduled; unauthorized: the server refused our token. */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'unauthorized';

export interface Carrier {
  invoke(call: CallName, input: unknown): Promise<Envelope<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  state(): ConnectionState;
  onState(listener: (state: ConnectionState) => void): () => void;
}

/** Electron's preload bridge is always connected: there is no socket to lose. */
export function bridgeCarrier(bridge: AirlockBridge): Carrier {
  return {
    invoke: (call, input) => bridge.invoke(call, input as never),
    on: (event, listener) => bridge.on(event, listener),
    state: () => 'open',
    onState: () => () => undefined,
  };
}
