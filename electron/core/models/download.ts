// Opens a model download: https only (plain http only on loopback, which is
// how tests serve files), redirects followed by hand so every hop is checked
// again, no credentials in URLs, and a stall timeout so a silent server
// cannot hold an import open forever.
import { AirlockError } from '../errors';

export interface Download {
  chunks: AsyncIterable<Uint8Array>;
  /** From Content-Length; null when the server does not say. */
  total: number | null;
}

const maxRedirects = 5;

export function isLoopbackHost(hostname: string): boolean {
  // WHATWG URL already normalises 127.1 and 0x7f.0.0.1 to dotted form, and brackets IPv6.
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Parses and checks a model URL before anything is fetched. */
export function checkModelUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refused('The model address is not a valid URL.');
  }
  if (url.username || url.password)
    throw refused('The model address must not contain a user name or password.');
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw refused('Models are downloaded over https only (plain http is allowed on this computer only).');
}

export async function openDownload(start: URL, signal: AbortSignal, stallMs: number): Promise<Download> {
  let url = start;
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'manual', signal, headers: { 'accept-encoding': 'identity' } });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new AirlockError('unavailable', `The model server at ${url.host} could not be reached.`);
    }
    if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      await response.body?.cancel();
      if (hop >= maxRedirects) throw refused('The model server redirected too many times.');
      const next = checkModelUrl(new URL(response.headers.get('location')!, url).href);
      // A public server must not bounce us onto a service on this computer.
      if (isLoopbackHost(next.hostname) && !isLoopbackHost(url.hostname)) {
        throw refused('The model server redirected to this computer, which Airlock does not follow.');
      }
      url = next;
      continue;
    }
    if (response.status !== 200 || !response.body) {
      await response.body?.cancel();
      throw new AirlockError('unavailable', `The model server answered ${response.status} for this file.`);
    }
    const length = Number(response.headers.get('content-length') ?? NaN);
    return {
      chunks: withStallTimeout(response.body, stallMs),
      total: Number.isSafeInteger(length) && length >= 0 ? length : null,
    };
  }
}

async function* withStallTimeout(
  body: ReadableStream<Uint8Array>,
  stallMs: number,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new AirlockError('timeout', `The model server sent nothing for ${stallMs / 1000} s.`)),
          stallMs,
        );
      });
      try {
        const { done, value } = await Promise.race([reader.read(), stalled]);
        if (done) return;
        yield value;
      } finally {
        clearTimeout(timer);
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function refused(message: string): AirlockError {
  return new AirlockError('invalid_input', message, { reason: 'refused_url' });
}
