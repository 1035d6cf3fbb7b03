// How the core talks to the model runtime: through the guard on loopback,
// with the token of the caller it acts for (NET-01, NET-02). The tokens stay
// in the core; the renderer only ever sees answers the core passes on.
import { request, type IncomingMessage } from 'node:http';
import type { Caller } from './runtime-guard';

/** What a request needs from the endpoint: where it listens and the caller's token. */
export interface GuardedEndpoint {
  readonly port: number | undefined;
  tokenFor(caller: Caller): string;
}

export interface RuntimeRequestInit {
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** No answer headers within this long aborts the request. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * One request through the guard. Resolves with the answer as a stream as soon
 * as its headers arrive, so a chat or pull answer can be read line by line.
 */
export function runtimeRequest(
  endpoint: GuardedEndpoint,
  caller: Caller,
  path: string,
  init: RuntimeRequestInit = {},
): Promise<IncomingMessage> {
  const port = endpoint.port;
  if (!port) return Promise.reject(new Error('the runtime endpoint is not listening'));
  const payload = init.body === undefined ? undefined : Buffer.from(JSON.stringify(init.body));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: init.method ?? (payload ? 'POST' : 'GET'),
        headers: {
          authorization: `Bearer ${endpoint.tokenFor(caller)}`,
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
        },
        ...(init.signal ? { signal: init.signal } : {}),
      },
      (res) => {
        clearTimeout(timer);
        resolve(res);
      },
    );
    const timeoutMs = init.timeoutMs ?? 10_000;
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(payload);
  });
}

/** A request whose whole answer is one JSON value. */
export async function runtimeJson(
  endpoint: GuardedEndpoint,
  caller: Caller,
  path: string,
  init: RuntimeRequestInit = {},
): Promise<{ status: number; body: unknown }> {
  const res = await runtimeRequest(endpoint, caller, path, init);
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return { status: res.statusCode ?? 0, body: JSON.parse(text) as unknown };
  } catch {
    throw new Error(`${path} answered ${res.statusCode} without JSON`);
  }
}

/** GET /api/version through the guard with the chat token; resolves with the version string. */
export async function requestVersion(endpoint: GuardedEndpoint, timeoutMs = 3000): Promise<string> {
  const { status, body } = await runtimeJson(endpoint, 'chat', '/api/version', { timeoutMs });
  const version = (body as { version?: unknown } | null)?.version;
  if (status === 200 && typeof version === 'string') return version;
  const error = (body as { error?: unknown } | null)?.error;
  throw new Error(`GET /api/version answered ${status}${typeof error === 'string' ? `: ${error}` : ''}`);
}
