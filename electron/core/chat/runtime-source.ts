// Which model runtime answers a chat: the sandbox's guarded endpoint when a
// sandbox is serving, else the built-in engine on this machine. chat/ never
// imports sandbox/ (SECURITY.md CH-07), so the endpoint arrives as a shape.

export interface RuntimeConnection {
  kind: 'sandbox' | 'builtin';
  /** Base URL of an Ollama-compatible API on loopback. */
  url: string;
  /** The bearer token for the chat caller; held by the core, never sent to a window. */
  headers: Record<string, string>;
  /**
   * Calls back with a sentence if this runtime goes away (the built-in
   * engine's child exited); returns the unsubscribe function.
   */
  onGone?: (listener: (sentence: string) => void) => () => void;
}

/** Finds a runtime, or throws an AirlockError with a sentence saying why there is none. */
export type RuntimeSource = () => Promise<RuntimeConnection>;

/** What chat needs of the sandbox's RuntimeEndpoint (NET-01/02 guard). */
export interface GuardedEndpointLike {
  readonly url: string | undefined;
  tokenFor(caller: 'chat'): string;
  fetchVersion(timeoutMs?: number): Promise<string>;
}

export interface SandboxRuntimeOptions {
  endpoint: GuardedEndpointLike;
  /** Settles once the sandbox has adopted what a previous run left serving; never rejects. */
  ready: Promise<void>;
  /** How long a chat waits for that adoption before using the built-in engine instead. */
  readyWaitMs?: number;
}

/**
 * The sandbox's connection when its runtime answers GET /api/version through
 * the guard right now; undefined when no sandbox serves (the guard answers
 * 503 without an upstream, or is not listening at all).
 */
export async function sandboxConnection(
  options: SandboxRuntimeOptions,
): Promise<RuntimeConnection | undefined> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    options.ready,
    new Promise<void>((resolve) => (timer = setTimeout(resolve, options.readyWaitMs ?? 2000))),
  ]);
  clearTimeout(timer);
  const url = options.endpoint.url;
  if (!url) return undefined;
  try {
    await options.endpoint.fetchVersion(1500);
  } catch {
    return undefined;
  }
  return { kind: 'sandbox', url, headers: { authorization: `Bearer ${options.endpoint.tokenFor('chat')}` } };
}

/** The sandbox first, then the fallback (the built-in engine, started on first use). */
export function preferSandbox(
  sandbox: SandboxRuntimeOptions | undefined,
  fallback: RuntimeSource,
): RuntimeSource {
  return async () => (sandbox ? await sandboxConnection(sandbox) : undefined) ?? fallback();
}
