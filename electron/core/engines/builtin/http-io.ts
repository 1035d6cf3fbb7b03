// Small HTTP helpers for the engine: JSON bodies with a size cap, JSON and
// Ollama-style `{"error": "..."}` answers, and the request gate.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Chat histories are text; 8 MiB is generous and keeps a runaway client from filling memory (CH-05). */
const maxBodyBytes = 8 * 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new HttpError(413, 'request body is too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Ollama's error shape, so the same client code reads both engines. */
export function sendError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    if (!res.writableEnded) res.end(`${JSON.stringify({ error: message })}\n`);
    return;
  }
  sendJson(res, status, { error: message });
}

export interface GateRules {
  /**
   * Set when the listener is loopback: then the Host must name a loopback
   * address (DNS rebinding, CVE-2024-28224). Any port: a proxy in front,
   * such as the runtime guard, forwards its own Host.
   */
  loopbackOnly: boolean;
  /** When set, every call needs `Authorization: Bearer <token>` (NET-01). */
  token?: string;
}

/** Returns why a request is refused, or undefined when it may pass. */
export function refusal(req: IncomingMessage, rules: GateRules): string | undefined {
  // Browsers send Origin on cross-site fetches; Airlock's own clients never do (CSRF, NET-01).
  if (req.headers.origin !== undefined) return 'requests from web pages are not allowed';
  if (rules.loopbackOnly) {
    const hostname = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec((req.headers.host ?? '').toLowerCase())?.[1];
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostname ?? ''))
      return 'this Host may not call the engine';
  }
  if (rules.token !== undefined) {
    const given = Buffer.from(req.headers.authorization ?? '');
    const expected = Buffer.from(`Bearer ${rules.token}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return 'a valid engine token is required';
  }
  return undefined;
}
