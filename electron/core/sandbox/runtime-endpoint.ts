// The one stable address of the model runtime on this machine: a loopback
// TCP listener that pipes each connection to the current sandbox. A level
// switch "moves the port" by swapping the upstream, so the address the app
// (and the owner) uses survives switches, and a level-3 sandbox, which has no
// network at all, is reached through the Docker API (docker-exec execPipe).
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { AirlockError } from '../errors';

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

export class RuntimeEndpoint {
  private server: Server | undefined;
  private upstream: Upstream | undefined;
  private readonly open = new Set<Socket>();

  constructor(private readonly log: (line: string) => void) {}

  get port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address.port : undefined;
  }

  get url(): string | undefined {
    return this.port ? `http://127.0.0.1:${this.port}` : undefined;
  }

  /** Listens on 127.0.0.1:port (0 picks one). A port already listened on is kept. */
  async listen(port: number): Promise<number> {
    if (this.server && (port === 0 || port === this.port)) return this.port!;
    const server = createServer((socket) => this.accept(socket));
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
    if (previous) await this.closeServer(previous);
    return this.port!;
  }

  /** Points new connections at another sandbox; connections already open finish where they are. */
  route(upstream: Upstream | undefined): void {
    this.upstream = upstream;
  }

  /** Drops connections to the previous sandbox, which is about to be removed. */
  dropOpenConnections(): void {
    for (const socket of this.open) socket.destroy();
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.dropOpenConnections();
    if (server) await this.closeServer(server);
  }

  private closeServer(server: Server): Promise<void> {
    return new Promise((resolve) => server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    const upstream = this.upstream;
    this.open.add(socket);
    socket.once('close', () => this.open.delete(socket));
    socket.on('error', () => socket.destroy());
    if (!upstream) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    socket.pause();
    upstream().then(
      (pipe) => {
        pipe.on('error', () => socket.destroy());
        socket.once('close', () => pipe.destroy());
        pipe.once('close', () => socket.destroy());
        socket.pipe(pipe);
        pipe.pipe(socket);
        socket.resume();
      },
      (error: unknown) => {
        this.log(`runtime endpoint: the sandbox did not accept a connection (${String(error)})`);
        socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      },
    );
  }
}
