// The `serve` carrier: calls and events over one WebSocket, with the token as
// a subprotocol. Reconnects with backoff and re-subscribes; calls made while
// disconnected wait for the link, up to a timeout.
import type { CallName, Envelope, ErrorCode, EventName } from '../../shared/contract';
import {
  serverMessageSchema,
  tokenProtocolPrefix,
  wireProtocol,
  type ClientMessage,
} from '../../shared/wire';
import type { Carrier, ConnectionState } from './api-carrier';
import { t } from './i18n/t';

/** The part of the browser's WebSocket this carrier uses, so tests can pass a fake. */
export interface SocketLike {
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface SocketCarrierOptions {
  url: string;
  token: string | undefined;
  createSocket: (url: string, protocols: string[]) => SocketLike;
  /**
   * Whether the server answers plain HTTP. Browsers hide why an upgrade failed;
   * if the server is up but refused the socket, our token is the problem.
   */
  serverAnswers: () => Promise<boolean>;
  /** How long a call waits for a connection before it gives up. */
  connectTimeoutMs?: number;
  /** How long a sent call waits for its answer. */
  answerTimeoutMs?: number;
  backoffMs?: (attempt: number) => number;
}

interface Pending {
  call: CallName;
  input: unknown;
  sent: boolean;
  resolve: (envelope: Envelope<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** 0.5 s, 1 s, 2 s … capped at 8 s, with jitter so many tabs do not knock in step. */
export const defaultBackoff = (attempt: number): number =>
  Math.min(8000, 500 * 2 ** attempt) * (0.75 + Math.random() * 0.5);

const fail = (code: ErrorCode, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

export function socketCarrier(options: SocketCarrierOptions): Carrier & { dispose(): void } {
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const answerTimeoutMs = options.answerTimeoutMs ?? 60_000;
  const backoff = options.backoffMs ?? defaultBackoff;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const pending = new Map<number, Pending>();
  let state: ConnectionState = 'connecting';
  let socket: SocketLike | undefined;
  let nextId = 1;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of [...stateListeners]) listener(next);
  };
  const send = (message: ClientMessage) => socket?.send(JSON.stringify(message));
  const settle = (id: number, envelope: Envelope<unknown>) => {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(envelope);
  };
  const transmit = (id: number, entry: Pending) => {
    entry.sent = true;
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => settle(id, fail('timeout', t('api.timeout'))), answerTimeoutMs);
    send({ t: 'call', id, call: entry.call, input: entry.input });
  };

  const connect = () => {
    if (disposed) return;
    if (!options.token) return refuse();
    setState(state === 'closed' ? 'closed' : 'connecting');
    let opened = false;
    const ws = options.createSocket(options.url, [wireProtocol, tokenProtocolPrefix + options.token]);
    socket = ws;
    ws.onopen = () => {
      opened = true;
      attempt = 0;
      setState('open');
      for (const event of listeners.keys()) send({ t: 'sub', event });
      for (const [id, entry] of pending) if (!entry.sent) transmit(id, entry);
    };
    ws.onmessage = (event) => receive(event.data);
    ws.onerror = () => undefined; // onclose follows and handles it.
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      // The core may or may not have run these; the user decides whether to try again.
      for (const [id, entry] of pending) if (entry.sent) settle(id, fail('unavailable', t('api.dropped')));
      if (disposed) return;
      if (opened) return scheduleRetry();
      void options.serverAnswers().then(
        (up) => (up ? refuse() : scheduleRetry()),
        () => scheduleRetry(),
      );
    };
  };

  const scheduleRetry = () => {
    if (disposed) return;
    setState('closed');
    retry = setTimeout(connect, backoff(attempt++));
  };

  /** The token is missing or stale: retrying cannot help, so every waiting call hears why now. */
  const refuse = () => {
    setState('unauthorized');
    for (const id of [...pending.keys()]) settle(id, fail('forbidden', t('api.unauthorized')));
  };

  const receive = (data: unknown) => {
    let parsed;
    try {
      parsed = serverMessageSchema.safeParse(JSON.parse(String(data)));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.t === 'result') {
      settle(
        message.id,
        message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error },
      );
      return;
    }
    for (const listener of [...(listeners.get(message.event as EventName) ?? [])]) {
      try {
        listener(message.payload);
      } catch (error) {
        // One broken listener must not starve the others of the event.
        console.error(`[airlock] a listener for ${message.event} failed`, error);
      }
    }
  };

  connect();

  return {
    invoke(call, input) {
      if (state === 'unauthorized') return Promise.resolve(fail('forbidden', t('api.unauthorized')));
      return new Promise((resolve) => {
        const id = nextId++;
        const entry: Pending = {
          call,
          input,
          sent: false,
          resolve,
          timer: setTimeout(() => settle(id, fail('timeout', t('api.timeout'))), connectTimeoutMs),
        };
        pending.set(id, entry);
        if (state === 'open') transmit(id, entry);
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      // A fresh wrapper, so the same function registered twice unsubscribes twice.
      const wrapped = (payload: unknown) => listener(payload);
      set.add(wrapped);
      if (set.size === 1 && state === 'open') send({ t: 'sub', event });
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        set.delete(wrapped);
        if (set.size > 0) return;
        listeners.delete(event);
        if (state === 'open') send({ t: 'unsub', event });
      };
    },
    state: () => state,
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    dispose() {
      disposed = true;
      clearTimeout(retry);
      socket?.close();
      socket = undefined;
    },
  };
}
