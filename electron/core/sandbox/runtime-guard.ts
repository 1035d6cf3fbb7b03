// What the runtime endpoint lets through (SECURITY.md NET-01, NET-02): the
// Host, Origin and token checks, the per-caller path table, and the pull
// body check. Pure decisions over strings; runtime-endpoint.ts enforces them.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Who is calling: the chat path, or the core's model service. */
export type Caller = 'chat' | 'models';
export const callers: readonly Caller[] = ['chat', 'models'];

export interface Refusal {
  status: 400 | 403 | 404 | 413;
  error: string;
}

/** How the endpoint handles a request body on a route. */
export type BodyMode =
  /** Piped both ways, never buffered; capped so one prompt cannot fill the runtime's memory (LLM10). */
  | { kind: 'stream'; cap: number | undefined }
  /** Read whole (small control calls), then re-sent. */
  | { kind: 'control'; cap: number }
  /** Read whole, checked by checkPull and re-sent as the checked JSON only. */
  | { kind: 'pull'; cap: number };

export interface Route {
  path: string;
  body: BodyMode;
}

/** Control calls are small JSON; 64 KB is far above any real one. */
export const controlCap = 64 * 1024;
/** A chat request carries the conversation and maybe a few images. */
export const chatCap = 32 * 1024 * 1024;
/** /api/create carries a Modelfile's template, system prompt and licence text. */
const createCap = 1024 * 1024;

interface Rule {
  callers: ReadonlySet<Caller>;
  methods: ReadonlySet<string>;
  body: BodyMode;
}

const both = new Set<Caller>(['chat', 'models']);
const modelsOnly = new Set<Caller>(['models']);
const getPost = new Set(['GET', 'POST']);
const chatRule = (body: BodyMode): Rule => ({ callers: both, methods: getPost, body });
const modelsRule = (methods: string[], body: BodyMode): Rule => ({
  callers: modelsOnly,
  methods: new Set(methods),
  body,
});

// The chat path reads and talks; only the core's model service changes what
// is installed (CVE-2024-37032, CVE-2024-39719/39720/39722, ollama#16236).
const rules = new Map<string, Rule>([
  ['/api/chat', chatRule({ kind: 'stream', cap: chatCap })],
  ['/api/generate', chatRule({ kind: 'stream', cap: chatCap })],
  ['/api/tags', chatRule({ kind: 'control', cap: controlCap })],
  ['/api/show', chatRule({ kind: 'control', cap: controlCap })],
  ['/api/version', chatRule({ kind: 'control', cap: controlCap })],
  ['/api/ps', chatRule({ kind: 'control', cap: controlCap })],
  ['/api/pull', modelsRule(['POST'], { kind: 'pull', cap: controlCap })],
  ['/api/create', modelsRule(['POST'], { kind: 'control', cap: createCap })],
  ['/api/copy', modelsRule(['POST'], { kind: 'control', cap: controlCap })],
  ['/api/delete', modelsRule(['DELETE'], { kind: 'control', cap: controlCap })],
]);
// Model files are gigabytes: streamed, uncapped, and only to a well-formed digest (MI-02).
const blobRule = modelsRule(['HEAD', 'POST'], { kind: 'stream', cap: undefined });
const blobPath = /^\/api\/blobs\/sha256[:-][0-9a-f]{64}$/;

/** A fresh bearer token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The caller whose token the Authorization header carries. Both tokens are
 * always compared, over fixed-length digests, so timing tells nothing about
 * either token or which one was close.
 */
export function callerOf(
  authorization: string | undefined,
  tokens: Readonly<Record<Caller, string>>,
): Caller | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(authorization ?? '');
  const presented = digest(match?.[1] ?? '');
  let found: Caller | undefined;
  for (const caller of callers) {
    if (timingSafeEqual(presented, digest(tokens[caller])) && match) found = caller;
  }
  return found;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * The Host a browser sends names the address it thinks it is talking to; a
 * rebound attacker name (CVE-2024-28224) is refused. Ollama's own check is
 * off whenever it listens on 0.0.0.0, as the official image does.
 */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const wanted = host.toLowerCase();
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(wanted);
}

/** No Origin (a non-browser client such as the core) passes; a browser page's must be the app's own. */
export function originAllowed(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  return origin === undefined || allowed.has(origin);
}

/** The route for a request by this caller, or why it is refused. The query string is never forwarded. */
export function routeFor(method: string, url: string, caller: Caller): Route | Refusal {
  const path = url.split('?', 1)[0]!;
  if (path === '/api/push') {
    // Push stays shut for every caller until Airlock needs it: CVE-2026-7482
    // ("Bleeding Llama") leaked process memory through /api/create and then
    // exfiltrated it with /api/push to a registry the attacker runs.
    return { status: 403, error: 'Pushing models is switched off in Airlock.' };
  }
  // Ollama's router decodes %-escapes, so only exact, plain paths are matched.
  const rule = rules.get(path) ?? (blobPath.test(path) ? blobRule : undefined);
  if (!rule) return { status: 404, error: 'Airlock does not forward this path to the model runtime.' };
  if (!rule.callers.has(caller)) {
    return { status: 403, error: 'This caller may not use this part of the model runtime.' };
  }
  if (!rule.methods.has(method)) {
    return { status: 403, error: `${method} is not allowed on ${path}.` };
  }
  return { path, body: rule.body };
}

export function isRefusal(value: Route | Refusal | CheckedPull): value is Refusal {
  return 'status' in value;
}

export interface CheckedPull {
  body: string;
}

/**
 * Checks a /api/pull body and returns the JSON to send on: only the fields
 * checked here, so a key the runtime reads differently (Go matches JSON keys
 * case-insensitively, so "Insecure" would count) never reaches it.
 */
export function checkPull(raw: Buffer, registries: ReadonlySet<string>): CheckedPull | Refusal {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return { status: 400, error: 'The pull request is not JSON.' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { status: 400, error: 'The pull request is not a JSON object.' };
  }
  const fields = body as Record<string, unknown>;
  if (fields.insecure !== undefined && fields.insecure !== false) {
    return { status: 403, error: 'Pulls without TLS verification (insecure) are refused.' };
  }
  const checked: { model?: string; name?: string; stream?: boolean } = {};
  for (const key of ['model', 'name'] as const) {
    const value = fields[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') return { status: 400, error: `The pull's ${key} is not a string.` };
    const refusal = pullNameRefusal(value, registries);
    if (refusal) return refusal;
    checked[key] = value;
  }
  if (checked.model === undefined && checked.name === undefined) {
    return { status: 400, error: 'The pull names no model.' };
  }
  if (typeof fields.stream === 'boolean') checked.stream = fields.stream;
  return { body: JSON.stringify(checked) };
}

const hostPart = /^[a-z0-9.-]+(:[0-9]{1,5})?$/;
const namespacePart = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
const modelPart = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}(:[A-Za-z0-9_][A-Za-z0-9._-]{0,79})?$/;

/**
 * Ollama reads `host/namespace/model:tag`; a name without a host goes to
 * registry.ollama.ai. Anything it could read as another registry (a third
 * part, or a first part that looks like a host the way Docker reads names,
 * a scheme, a backslash) must name an allowlisted host (ollama#16236,
 * CVE-2024-37032).
 */
export function pullNameRefusal(name: string, registries: ReadonlySet<string>): Refusal | undefined {
  const refused = (why: string): Refusal => ({ status: 403, error: `The model name “${name}” ${why}.` });
  if (name.length > 255 || name.includes('://') || /[\s\\@]/.test(name)) return refused('is not allowed');
  const parts = name.split('/');
  if (parts.length > 3) return refused('has too many parts');
  const model = parts.pop()!;
  const host =
    parts.length === 2 || (parts.length === 1 && /[.:]/.test(parts[0]!)) ? parts.shift() : undefined;
  const namespace = parts.pop();
  if (host !== undefined && !(hostPart.test(host.toLowerCase()) && registries.has(host.toLowerCase()))) {
    return refused('is not from an allowed registry');
  }
  if (namespace !== undefined && !namespacePart.test(namespace)) return refused('is not a valid name');
  if (!modelPart.test(model)) return refused('is not a valid name');
  return undefined;
}
