// The `serve` carrier: the core's router over a WebSocket on loopback, guarded
// by Host/Origin checks and a per-start token, plus the built renderer.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isEventName, type EventName } from '../../shared/contract';
import {
  clientMessageSchema,
  maxMessageBytes,
  tokenProtocolPrefix,
  wireProtocol,
  type ServerMessage,
} from '../../shared/wire';
import type { Core } from '../core/services';
import { allowedHosts, hostAllowed, originAllowed, tokenMatches } from './request-guard';
import { sendText, serveStatic } from './static-files';

export interface ServeOptions {
  core: Core;
  host: string;
  port: number;
  token: string;
  rendererDir: string;
  remoteHosts?: readonly string[];
  log?: (line: string) => void;
}

export interface RunningServe {
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Calls one socket may have in flight before it is told to slow down. */
const maxInFlight = 64;

export async function startServe(options: ServeOptions): Promise<RunningServe> {
  const log = options.log ?? (() => undefined);
  const server = createServer();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxMessageBytes,
    handleProtocols: (offered) => (offered.has(wireProtocol) ? wireProtocol : false),
  });
  let allowed = new Set<string>();

  const refuse = (req: IncomingMessage): string | undefined => {
    if (!hostAllowed(req.headers.host, allowed)) return 'Host not allowed';
    if (!originAllowed(req.headers.origin, allowed)) return 'Origin not allowed';
    return undefined;
  };

  server.on('request', (req, res) => {
    const refused = refuse(req);
    if (refused) {
      log(`refused ${req.method ?? '?'} request: ${refused}`);
      return sendText(res, 403, `${refused}.`);
    }
    serveStatic(options.rendererDir, req, res).catch(() => sendText(res, 500, 'Could not read that file.'));
  });

  server.on('upgrade', (req, socket, head) => {
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim());
    const token = offered.find((p) => p.startsWith(tokenProtocolPrefix))?.slice(tokenProtocolPrefix.length);
    const path = (req.url ?? '').split('?')[0];
    const refused =
      refuse(req) ??
      (path !== '/ws' ? 'Not found' : undefined) ??
      (!tokenMatches(token, options.token) ? 'Token missing or wrong' : undefined);
    if (refused) {
      log(`refused WebSocket: ${refused}`);
      const status = refused.startsWith('Token')
        ? '401 Unauthorized'
        : refused === 'Not found'
          ? '404 Not Found'
          : '403 Forbidden';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, options.core));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowed = allowedHosts({ port, remoteHosts: options.remoteHosts ?? [] });
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    port,
    url: `http://${shownHost}:${port}/`,
    close: () => closeAll(server, wss),
  };
}

function attach(ws: WebSocket, core: Core): void {
  const subscriptions = new Map<EventName, () => void>();
  let inFlight = 0;
  const send = (message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  ws.on('message', (data, isBinary) => {
    let message;
    try {
      message = clientMessageSchema.parse(JSON.parse(isBinary ? '' : rawText(data)));
    } catch {
      ws.close(1003, 'Malformed message');
      return;
    }
    if (message.t === 'sub' || message.t === 'unsub') {
      if (!isEventName(message.event)) return;
      if (message.t === 'sub' && !subscriptions.has(message.event)) {
        const event = message.event;
        subscriptions.set(
          event,
          core.events.on(event, (payload) => send({ t: 'event', event, payload })),
        );
      } else if (message.t === 'unsub') {
        subscriptions.get(message.event)?.();
        subscriptions.delete(message.event);
      }
      return;
    }
    const { id, call, input } = message;
    if (inFlight >= maxInFlight) {
      send({
        t: 'result',
        id,
        ok: false,
        error: { code: 'unavailable', message: 'Too many requests at once; please wait a moment.' },
      });
      return;
    }
    inFlight++;
    void core.router
      .dispatch(call, input, core.context())
      .then((envelope) => send({ t: 'result', id, ...envelope }))
      .finally(() => inFlight--);
  });

  ws.on('close', () => {
    for (const unsubscribe of subscriptions.values()) unsubscribe();
    subscriptions.clear();
  });
  ws.on('error', () => ws.terminate());
}

async function closeAll(server: Server, wss: WebSocketServer): Promise<void> {
  for (const client of wss.clients) client.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}
