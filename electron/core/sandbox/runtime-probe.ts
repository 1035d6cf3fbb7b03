// "The runtime is up" means GET /api/version answers on its port (issue 3):
// any image that answers it, the real Ollama or a stand-in, can be the runtime.
import { request } from 'node:http';
import type { Upstream } from './runtime-endpoint';

/** One GET /api/version over a pipe the upstream opens; resolves with the version string. */
export function fetchVersion(upstream: Upstream, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const req = request(
      {
        host: '127.0.0.1',
        path: '/api/version',
        method: 'GET',
        headers: { connection: 'close' },
        createConnection: (_options, callback) => {
          upstream().then(
            (pipe) => callback(null, pipe as never),
            (error: Error) => callback(error, undefined as never),
          );
          return undefined;
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          clearTimeout(timer);
          try {
            const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { version?: unknown };
            if (res.statusCode === 200 && typeof body.version === 'string') resolve(body.version);
            else reject(new Error(`GET /api/version answered ${res.statusCode}`));
          } catch {
            reject(new Error('GET /api/version did not answer JSON'));
          }
        });
      },
    );
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}

/** Polls until the runtime answers or the deadline passes; returns its version. */
export async function waitForRuntime(
  upstream: Upstream,
  deadlineMs: number,
  isAlive: () => Promise<boolean>,
): Promise<string> {
  const until = Date.now() + deadlineMs;
  let last: unknown;
  for (let delay = 25; Date.now() < until; delay = Math.min(delay * 2, 400)) {
    try {
      return await fetchVersion(upstream, Math.min(2000, Math.max(100, until - Date.now())));
    } catch (error) {
      last = error;
    }
    // A container that died will never answer: stop waiting at once.
    if (!(await isAlive())) throw new Error('the runtime stopped before it answered');
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  throw new Error(
    `the runtime did not answer GET /api/version within ${Math.round(deadlineMs / 1000)} s (${String(last)})`,
  );
}
