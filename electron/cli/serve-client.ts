// A Node client for a running `serve`: the CLI and the bench talk to the core
// exactly as the browser does, over the same wire messages.
import WebSocket from 'ws';
import type { Envelope } from '../../shared/contract';
import { serverMessageSchema, tokenProtocolPrefix, wireProtocol } from '../../shared/wire';

export interface ServeClient {
  call(call: string, input: unknown): Promise<Envelope<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): void;
  close(): void;
}

export function connectServe(
  baseUrl: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<ServeClient> {
  const wsUrl = new URL('/ws', baseUrl.replace(/^http/, 'ws')).toString();
  const ws = new WebSocket(wsUrl, [wireProtocol, tokenProtocolPrefix + token], {
    headers,
    perMessageDeflate: false,
  });
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const listeners = new Map<string, (payload: unknown) => void>();
  let nextId = 1;

  ws.on('message', (data) => {
    let parsed;
    try {
      parsed = serverMessageSchema.safeParse(JSON.parse((data as Buffer).toString('utf8')));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.t === 'event') return listeners.get(message.event)?.(message.payload);
    const resolve = pending.get(message.id);
    pending.delete(message.id);
    resolve?.(message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error });
  });
  ws.on('close', () => {
    for (const resolve of pending.values()) {
      resolve({
        ok: false,
        error: { code: 'unavailable', message: 'The connection to Airlock closed before it answered.' },
      });
    }
    pending.clear();
  });

  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => reject(new ConnectError(res.statusCode ?? 0)));
    ws.once('error', (error) => reject(error));
    ws.once('open', () =>
      resolve({
        call: (call, input) =>
          new Promise((done) => {
            const id = nextId++;
            pending.set(id, done);
            ws.send(JSON.stringify({ t: 'call', id, call, input }));
          }),
        subscribe: (event, listener) => {
          listeners.set(event, listener);
          ws.send(JSON.stringify({ t: 'sub', event }));
        },
        close: () => ws.close(),
      }),
    );
  });
}

export class ConnectError extends Error {
  constructor(readonly status: number) {
    super(status === 401 ? 'Airlock refused the token.' : `Airlock refused the connection (HTTP ${status}).`);
  }
}
