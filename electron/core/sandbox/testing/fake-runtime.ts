// A stand-in for Ollama's HTTP API in the guard's tests: a real Node server on
// 127.0.0.1 that records every request that reaches it, streams /api/chat in
// NDJSON until the test releases it, and answers with the CORS and cookie
// headers a real runtime may send, so the tests can see the guard strip them.
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { tcpUpstream, type Upstream } from '../runtime-endpoint';

export interface Hit {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The whole body arrived (a cut-off upload stays false). */
  complete: boolean;
}

export interface FakeRuntime {
  port: number;
  hits: Hit[];
  /** Pipes the guard opened through `upstream`. */
  pipes: () => number;
  /** TCP connections open on the server now. */
  openConnections: () => number;
  upstream: Upstream;
  /** Lets the held /api/chat answer finish. */
  release: () => void;
  /** Whether the held /api/chat answer has ended. */
  chatEnded: () => boolean;
  close: () => Promise<void>;
}

export async function startFakeRuntime(version = '0.17.1'): Promise<FakeRuntime> {
  const hits: Hit[] = [];
  const sockets = new Set<Socket>();
  let pipes = 0;
  let ended = false;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));

  const server: Server = createServer((req, res) => {
    const hit: Hit = { method: req.method!, url: req.url!, headers: req.headers, body: '', complete: false };
    hits.push(hit);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      hit.body = Buffer.concat(chunks).toString('utf8');
      hit.complete = true;
      const headers = {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
        'set-cookie': 'runtime=1',
      };
      if (req.url === '/api/chat') {
        res.writeHead(200, { ...headers, 'content-type': 'application/x-ndjson' });
        res.write('{"message":{"content":"first"},"done":false}\n');
        void held.then(() => {
          ended = true;
          res.end('{"message":{"content":"last"},"done":true}\n');
        });
        return;
      }
      const body =
        req.url === '/api/version'
          ? { version }
          : req.url === '/api/tags'
            ? { models: [] }
            : { method: req.method, url: req.url, body: hit.body };
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const tcp = tcpUpstream(port);
  return {
    port,
    hits,
    pipes: () => pipes,
    openConnections: () => sockets.size,
    upstream: () => {
      pipes += 1;
      return tcp();
    },
    release: () => release(),
    chatEnded: () => ended,
    close: () => {
      release();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** One request to the guard with exactly these headers, on a fresh connection. */
export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export function call(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** Sends no Host header at all. */
    noHost?: boolean;
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        // Node frames a DELETE or GET body only when told its length.
        headers: {
          ...(options.body === undefined || options.headers?.['transfer-encoding']
            ? {}
            : { 'content-length': String(Buffer.byteLength(options.body)) }),
          ...options.headers,
        },
        agent: false,
        setHost: !options.noHost,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The sentence of a guard's JSON refusal, `{"error": "…"}` and nothing else; throws on any other shape. */
export function errorOf(text: string): string {
  const body = JSON.parse(text) as unknown;
  if (typeof body !== 'object' || body === null || Object.keys(body).join() !== 'error') {
    throw new Error(`not a refusal: ${text}`);
  }
  const { error } = body as { error: unknown };
  if (typeof error !== 'string') throw new Error(`not a refusal: ${text}`);
  return error;
}
