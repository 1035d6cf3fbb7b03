// Forwarding one allowed request to the sandbox: an http.Agent whose
// connections are upstream pipes (TCP at levels 1–2, a Docker exec at level
// 3), kept alive so one pipe serves many requests, and header hygiene both ways.
import {
  Agent,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
  type ClientRequestArgs,
} from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Upstream } from './runtime-endpoint';

/** An idle pipe is closed after this long: at level 3 each one holds a process in the sandbox. */
const idleMs = 30_000;

/**
 * One agent per upstream. route() retires it: its idle pipes close at once,
 * and pipes still serving a request close when that request ends instead of
 * going back to the pool, so nothing new reaches the old sandbox.
 */
export class UpstreamAgent extends Agent {
  private retired = false;
  private readonly idleTimers = new WeakMap<Duplex, NodeJS.Timeout>();

  constructor(
    private readonly upstream: Upstream,
    private readonly onPipe: (error?: unknown) => void,
  ) {
    // A handful of pipes: at level 3 each costs an exec, and the runtime serves few requests at once.
    super({ keepAlive: true, maxSockets: 16, maxFreeSockets: 4 });
  }

  /** Called by Agent for every new connection; opens a pipe instead of a TCP socket. */
  override createConnection(
    _options: ClientRequestArgs,
    callback?: (error: Error | null, socket: Duplex) => void,
  ): undefined {
    this.upstream().then(
      (pipe) => {
        this.onPipe();
        callback?.(null, socketLike(pipe));
      },
      (error: unknown) => {
        this.onPipe(error);
        callback?.(error instanceof Error ? error : new Error(String(error)), undefined as never);
      },
    );
    return undefined;
  }

  /** Called by Agent when a request finishes: true pools the pipe for the next request. */
  override keepSocketAlive(socket: Duplex): boolean {
    if (this.retired) return false;
    // Node's own: TCP keep-alive, unref, and a "Keep-Alive: timeout=1" hint from the runtime says no.
    if ((super.keepSocketAlive(socket) as unknown) === false) return false;
    const timer = setTimeout(() => socket.destroy(), idleMs);
    timer.unref();
    this.idleTimers.set(socket, timer);
    return true;
  }

  /** A pooled pipe is serving again: it is no longer idle. */
  claim(socket: Duplex): void {
    clearTimeout(this.idleTimers.get(socket));
  }

  /** No pipe open and no request waiting for one. */
  idle(): boolean {
    return [this.sockets, this.freeSockets, this.requests].every((pool) => Object.keys(pool).length === 0);
  }

  retire(): void {
    this.retired = true;
    for (const sockets of Object.values(this.freeSockets))
      for (const socket of sockets ?? []) socket.destroy();
  }
}

/**
 * Node's HTTP client and Agent call a few net.Socket methods (keep-alive,
 * timeouts, ref) on every connection; an exec pipe is a plain Duplex, so the
 * ones it lacks become no-ops. Ending the read side ends the pipe, as a TCP
 * socket without half-open does, so a closed pipe never stays in the pool.
 */
function socketLike(pipe: Duplex): Socket {
  const target = pipe as Duplex &
    Partial<Record<'setKeepAlive' | 'setNoDelay' | 'setTimeout' | 'ref' | 'unref', unknown>>;
  for (const method of ['setKeepAlive', 'setNoDelay', 'setTimeout', 'ref', 'unref'] as const) {
    if (typeof target[method] !== 'function') target[method] = () => pipe;
  }
  pipe.once('end', () => pipe.destroy());
  return pipe as Socket;
}

// RFC 9110 §7.6.1: these describe one connection and never travel on; so
// does Expect, which Node's server has already answered with 100 Continue.
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
]);

/** Headers the Connection header names as hop-by-hop; never the framing or Host, which a sender could ask to drop. */
function named(headers: IncomingHttpHeaders): Set<string> {
  const connection = headers.connection;
  const tokens = (Array.isArray(connection) ? connection.join(',') : (connection ?? '')).split(',');
  const kept = new Set(['content-length', 'content-type', 'host']);
  return new Set(tokens.map((token) => token.trim().toLowerCase()).filter((name) => name && !kept.has(name)));
}

/**
 * The headers sent to the runtime: no hop-by-hop ones, no Authorization (the
 * runtime needs no token and must never see one), no Origin or cookies (the
 * Origin decision is made here, and the runtime would add CORS headers for it).
 */
export function requestHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const drop = named(headers);
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || hopByHop.has(name) || drop.has(name)) continue;
    if (name === 'authorization' || name === 'origin' || name === 'cookie') continue;
    out[name] = value;
  }
  return out;
}

/** The headers sent back: no hop-by-hop ones and never a CORS header, so no web page can read an answer. */
export function responseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const drop = named(headers);
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || hopByHop.has(name) || drop.has(name)) continue;
    if (name.startsWith('access-control-') || name === 'set-cookie') continue;
    out[name] = value;
  }
  return out;
}

export interface Relay {
  agent: UpstreamAgent;
  path: string;
  /** The whole body, already read and checked, or a stream piped on with an optional cap. */
  body: Buffer | { cap: number | undefined };
}

/**
 * Sends one allowed request to the runtime and streams the answer back as it
 * comes (chat answers are NDJSON, one line per token: never buffered).
 */
export function relay(req: IncomingMessage, res: ServerResponse, options: Relay, retried = false): void {
  const headers = requestHeaders(req.headers);
  const { body } = options;
  if (Buffer.isBuffer(body)) {
    delete headers['content-length'];
    if (body.length > 0 || req.method === 'POST') headers['content-length'] = body.length;
  } else if (headers['content-length'] === undefined && req.headers['transfer-encoding'] !== undefined) {
    // Node only chunks a GET body when told to; unframed bytes would smuggle a second request.
    headers['transfer-encoding'] = 'chunked';
  }
  let settled = false;
  const upstream = request(
    { host: '127.0.0.1', method: req.method, path: options.path, headers, agent: options.agent },
    (reply) => {
      try {
        res.writeHead(reply.statusCode ?? 502, responseHeaders(reply.headers));
      } catch {
        // The sandbox is untrusted too: a status or header Node will not send must not crash the core.
        settled = true;
        upstream.destroy();
        return answer(res, 502, 'The model runtime sent an answer Airlock cannot pass on.');
      }
      reply.pipe(res);
      // A runtime that dies mid-answer must not look like a complete answer.
      reply.once('close', () => {
        if (!reply.complete) res.destroy();
      });
    },
  );
  upstream.on('socket', (socket) => options.agent.claim(socket));
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    if (settled) return;
    settled = true;
    // A pooled pipe the runtime closed just as this request went out: one retry
    // on a fresh pipe is safe when nothing of the body was streamed yet.
    if (upstream.reusedSocket && Buffer.isBuffer(body) && !retried && !res.headersSent) {
      relay(req, res, options, true);
    } else if (res.headersSent) res.destroy();
    else answer(res, 502, `The model runtime did not answer (${error.code ?? error.message}).`);
  });
  res.once('close', () => {
    // The caller went away: stop the runtime's work rather than let it stream to no one.
    if (!res.writableFinished) upstream.destroy();
  });
  if (Buffer.isBuffer(body)) {
    upstream.end(body);
  } else if (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) {
    upstream.end();
  } else {
    const cap = body.cap;
    let seen = 0;
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (cap === undefined || seen <= cap || settled) return;
      settled = true;
      req.unpipe(upstream);
      upstream.destroy();
      if (res.headersSent) res.destroy();
      else answer(res, 413, tooLarge(cap));
    });
    req.pipe(upstream);
  }
}

export function tooLarge(cap: number): string {
  return `The request body is larger than ${Math.round(cap / 1024)} KB, the most Airlock forwards here.`;
}

/**
 * A short JSON answer of the guard's own (Ollama's error shape). It closes the
 * connection, so an unread body is never parsed as a next request, and it
 * carries no CORS header, so no web page can read it.
 */
export function answer(res: ServerResponse, status: number, error: string): void {
  const text = JSON.stringify({ error });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  res.end(text);
}

/** Reads a whole body up to `cap` bytes; undefined when it is larger. */
export function readCapped(req: IncomingMessage, cap: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        req.off('data', onData);
        req.pause();
        resolve(undefined);
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
