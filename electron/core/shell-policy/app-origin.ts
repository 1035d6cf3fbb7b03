// Airlock's one web origin, `app://airlock`, and the only test of whether a
// URL belongs to it. Custom schemes serialize their origin as 'null' in Node's
// URL, so the check compares protocol, host and credentials explicitly and
// never with startsWith (Electron security checklist items 13 and 14).

export const appScheme = 'app';
export const appHost = 'airlock';
export const appOrigin = `${appScheme}://${appHost}`;
/** What the window loads first (EL-02: packaged content over the custom scheme only). */
export const appEntryUrl = `${appOrigin}/index.html`;

/** Parses a URL, or returns undefined when it does not parse. */
export function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/**
 * True only for `app://airlock` exactly: no port, no user or password, no
 * other host that merely starts with "airlock" (`app://airlock.evil`).
 */
export function isAppUrl(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  const url = parseUrl(raw);
  return (
    url !== undefined &&
    url.protocol === `${appScheme}:` &&
    url.host === appHost &&
    url.username === '' &&
    url.password === ''
  );
}
