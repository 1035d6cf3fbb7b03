// DNS-rebinding and cross-site defence (NET-01): a request must name this
// server in its Host header, and a browser's Origin must be this server too.
import { timingSafeEqual } from 'node:crypto';

export interface GuardPolicy {
  port: number;
  /** Extra host names allowed besides loopback, when serving remotely. */
  remoteHosts: readonly string[];
}

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];

export function allowedHosts(policy: GuardPolicy): Set<string> {
  return new Set([...loopbackNames, ...policy.remoteHosts].map((name) => `${name}:${policy.port}`));
}

export function hostAllowed(host: string | undefined, allowed: Set<string>): boolean {
  return host !== undefined && allowed.has(host.toLowerCase());
}

/** No Origin (a non-browser client such as the CLI) is fine; the token still applies. */
export function originAllowed(origin: string | undefined, allowed: Set<string>): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && url.pathname === '/' && allowed.has(url.host) && origin === url.origin;
  } catch {
    return false;
  }
}

export function tokenMatches(offered: string | undefined, token: string): boolean {
  if (offered === undefined) return false;
  const a = Buffer.from(offered);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
