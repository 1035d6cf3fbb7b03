// A pass-through HTTP proxy for tests: it records each request body exactly as
// it arrives on the wire, then forwards it unchanged to the real runtime and
// streams the answer back. This is how a test sees what the engine received
// without changing the engine.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingProxy {
  url: string;
  /** Each request as received: method, path and body text. */
  received: { method: string; path: string; body: string }[];
  close(): Promise<void>;
}

export async function recordingProxy(target: () => Promise<string>): Promise<RecordingProxy> {
  const received: RecordingProxy['received'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({ method: req.method ?? '', path: req.url ?? '', body: body.toString('utf8') });
      void target().then((base) => {
        const upstream = request(
          `${base}${req.url ?? '/'}`,
          { method: req.method, headers: { ...req.headers, host: new URL(base).host } },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => res.destroy());
        // The client going away (a stop) drops the upstream request too, as a direct connection would.
        res.on('close', () => upstream.destroy());
        upstream.end(body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
