// A tiny stand-in for an Ollama runtime that streams NDJSON pieces the test
// chooses. Used only where real model output cannot be steered (a blocked word
// in an answer, a leaked canary, a stall); everything else runs the real engine.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  model: string;
  messages: { role: string; content: string }[];
}

/** What the fake does for one chat request: pieces to stream, or an HTTP error. */
export type Script =
  { pieces: string[]; delayMs?: number; hangAfter?: number } | { status: number; error: string };

export interface FakeUpstream {
  url: string;
  requests: FakeRequest[];
  /** Per request: whether the client closed the connection before the answer was complete. */
  cutShort: boolean[];
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

export async function fakeUpstream(script: (request: FakeRequest) => Script): Promise<FakeUpstream> {
  const requests: FakeRequest[] = [];
  const cutShort: boolean[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url === '/api/tags') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ models: [{ name: 'fake:latest', digest: 'f'.repeat(64), size: 1 }] }));
      return;
    }
    void readBody(req).then(async (text) => {
      const request = JSON.parse(text) as FakeRequest;
      const index = requests.push(request) - 1;
      cutShort[index] = false;
      const plan = script(request);
      if ('status' in plan) {
        res.writeHead(plan.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: plan.error }));
        return;
      }
      res.on('close', () => {
        if (!res.writableFinished) cutShort[index] = true;
      });
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      const line = (content: string, done: boolean): string =>
        `${JSON.stringify({ model: request.model, message: { role: 'assistant', content }, done })}\n`;
      for (const [i, piece] of plan.pieces.entries()) {
        if (res.destroyed) return;
        if (plan.hangAfter !== undefined && i >= plan.hangAfter) return; // never answers again
        res.write(line(piece, false));
        await new Promise((resolve) => setTimeout(resolve, plan.delayMs ?? 5));
      }
      if (plan.hangAfter !== undefined) return;
      if (!res.destroyed) res.end(line('', true));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    cutShort,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
