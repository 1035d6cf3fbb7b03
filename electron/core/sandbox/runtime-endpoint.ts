// The one stable address of the model runtime on this machine, and the guard
// in front of it (SECURITY.md NET-01, NET-02): an HTTP reverse proxy on
// 127.0.0.1 that lets through only token-bearing requests with a loopback
// Host, no foreign Origin, and a path the caller may use. A level switch
// "moves" it by swapping the upstream, so the address survives switches, and
// a level-3 sandbox, which has no network at all, is reached through the
// Docker API (docker-exec execPipe).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { AirlockError } from '../errors';
import { requestVersion } from './runtime-client';
import { answer, readCapped, relay, tooLarge, UpstreamAgent, type Relay } from './runtime-forward';
import {
  callerOf,
  checkPull,
  hostAllowed,
  isRefusal,
  newToken,
  originAllowed,
  routeFor,
  type Caller,
  type Refusal,
  type Route,
} from './runtime-guard';

export type { Caller } from './runtime-guard';

/** Opens one byte pipe to the runtime's API port. */
export type Upstream = () => Promise<Duplex>;

export function tcpUpstream(port: number): Upstream {
  return () =>
    new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => resolve(socket));
      socket.once('error', reject);
    });
}

export interface EndpointOptions {
  /** Origins of Airlock's own pages that may call (exact serialized origins); none by default. */
  allowedOrigins?: Iterable<string>;
  /** Registries /api/pull may name; a name without a host means registry.ollama.ai. */
  pullRegistries?: Iterable<string>;
}

export class RuntimeEndpoint {
  private server: Server | undefined;
  private agent: UpstreamAgent | undefined;
  private readonly retired = new Set<UpstreamAgent>();
  private origins = new Set<string>();
  private refusals = { since: 0, logged: 0, unlogged: 0 };
  private readonly registries: ReadonlySet<string>;
  // New on every start of Airlock; held by the core and never sent to the renderer.
  private readonly tokens: Readonly<Record<Caller, string>> = { chat: newToken(), models: newToken() };

  constructor(
    private readonly log: (line: string) => void,
    options: EndpointOptions = {},
  ) {
    this.allowOrigins(options.allowedOrigins ?? []);
    this.registries = new Set(
      [...(options.pullRegistries ?? ['registry.ollama.ai'])].map((r) => r.toLowerCase()),
    );
  }

  get port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address.port : undefined;
  }

  get url(): string | undefined {
    return this.port ? `http://127.0.0.1:${this.port}` : undefined;
  }

  /** The bearer token for a caller. For the core only: never put it in a contract answer. */
  tokenFor(caller: Caller): string {
    return this.tokens[caller];
  }

  /** Replaces the origins allowed to call. "null" is never one: every sandboxed or file page sends it. */
  allowOrigins(origins: Iterable<string>): void {
    this.origins = new Set([...origins].filter((origin) => origin !== 'null'));
  }

  /** GET /api/version through the guard with the chat token: the runtime answers here. */
  fetchVersion(timeoutMs = 3000): Promise<string> {
    return requestVersion(this, timeoutMs);
  }

  /** Listens on 127.0.0.1:port (0 picks one). A port already listened on is kept. */
  async listen(port: number): Promise<number> {
    if (this.server && (port === 0 || port === this.port)) return this.port!;
    const server = createServer(
      {
        // The guard answers a missing Host itself, with the same 403 as a foreign one.
        requireHostHeader: false,
        headersTimeout: 10_000,
        // Model uploads and long prompts stream for as long as they need; the
        // header timeout above still bounds a client that never authenticates.
        requestTimeout: 0,
      },
      (req, res) => this.handle(req, res),
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE'
            ? new AirlockError(
                'conflict',
                `Port ${port} on 127.0.0.1 is already in use by another program. Choose another port or close that program.`,
                { port },
              )
            : error,
        ),
      );
      server.listen({ host: '127.0.0.1', port }, resolve);
    });
    const previous = this.server;
    this.server = server;
    // The old address is gone: its clients reconnect to the new one.
    if (previous) await this.closeServer(previous);
    return this.port!;
  }

  /** Points new requests at another sandbox; requests already under way finish where they are. */
  route(upstream: Upstream | undefined): void {
    const previous = this.agent;
    this.agent = upstream
      ? new UpstreamAgent(upstream, (error) => {
          if (error)
            this.log(
              `runtime endpoint: the sandbox did not accept a connection (${error instanceof Error ? error.message : 'unknown error'})`,
            );
        })
      : undefined;
    if (previous) {
      previous.retire();
      this.retired.add(previous);
    }
    // Retired agents whose last request has finished hold nothing more to drop.
    for (const agent of this.retired) if (agent !== previous && agent.idle()) this.retired.delete(agent);
  }

  /** Drops connections to the previous sandbox, which is about to be removed. */
  dropOpenConnections(): void {
    for (const agent of this.retired) agent.destroy();
    this.retired.clear();
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.route(undefined);
    this.dropOpenConnections();
    if (server) await this.closeServer(server);
  }

  private closeServer(server: Server): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    return closed;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const route = this.check(req);
    if (isRefusal(route)) return this.refuse(req, res, route);
    const body = route.body;
    if (body.kind === 'stream') {
      if (Number(req.headers['content-length'] ?? 0) > (body.cap ?? Infinity)) {
        return this.refuse(req, res, { status: 413, error: tooLarge(body.cap!) });
      }
      return this.send(req, res, route, { cap: body.cap });
    }
    if (Number(req.headers['content-length'] ?? 0) > body.cap) {
      return this.refuse(req, res, { status: 413, error: tooLarge(body.cap) });
    }
    readCapped(req, body.cap).then(
      (raw) => {
        if (!raw) return this.refuse(req, res, { status: 413, error: tooLarge(body.cap) });
        if (body.kind !== 'pull') return this.send(req, res, route, raw);
        const pull = checkPull(raw, this.registries);
        if (isRefusal(pull)) return this.refuse(req, res, pull);
        this.send(req, res, route, Buffer.from(pull.body));
      },
      () => res.destroy(),
    );
  }

  /** NET-01 then NET-02: nothing reaches the runtime before every check has passed. */
  private check(req: IncomingMessage): Route | Refusal {
    if (!hostAllowed(req.headers.host, this.port ?? -1)) {
      return { status: 403, error: 'This address serves Airlock only (the Host header is not allowed).' };
    }
    if (!originAllowed(req.headers.origin, this.origins)) {
      return { status: 403, error: 'Web pages may not call the model runtime.' };
    }
    const caller = callerOf(req.headers.authorization, this.tokens);
    if (!caller) return { status: 403, error: 'The model runtime needs Airlock’s token.' };
    return routeFor(req.method ?? '', req.url ?? '', caller);
  }

  /**
   * Answers a refusal and logs it: a refusal means something on this machine
   * tried what it should not. At most 20 lines a minute, so a page that
   * hammers the port cannot flood the log.
   */
  private refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
    const now = Date.now();
    if (now - this.refusals.since > 60_000) {
      if (this.refusals.unlogged > 0) {
        this.log(`runtime endpoint: ${this.refusals.unlogged} more refusals in the last minute`);
      }
      this.refusals = { since: now, logged: 0, unlogged: 0 };
    }
    if (this.refusals.logged < 20) {
      this.refusals.logged += 1;
      // The path and the reason carry the caller's text: no control characters into the log.
      const line = `refused ${req.method} ${(req.url ?? '').slice(0, 100)} (${refusal.status}): ${refusal.error}`;
      this.log(`runtime endpoint: ${line.replace(/\p{Cc}/gu, '?')}`);
    } else this.refusals.unlogged += 1;
    answer(res, refusal.status, refusal.error);
  }

  private send(req: IncomingMessage, res: ServerResponse, route: Route, body: Relay['body']): void {
    const agent = this.agent;
    if (!agent) return answer(res, 503, 'No sandbox is running the model runtime right now.');
    relay(req, res, { agent, path: route.path, body });
  }
}
