// Which addresses Airlock may send chats to (an OpenAI-compatible server the
// user names): https, except on this computer's loopback where plain http
// never leaves the machine; no credentials inside the address; only http(s).
// Pure, so every entry point (UI, CLI, settings file) uses this one check.

export type EndpointVerdict = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Loopback per RFC 1122 (127.0.0.0/8) and RFC 4291 (::1), plus the name
 * "localhost" (RFC 6761). The URL parser has already normalised "127.1",
 * "0x7f.0.0.1" and "[0:0::1]" to their canonical forms.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  // An IPv4-mapped IPv6 loopback address, as the parser writes it: [::ffff:7f00:1].
  if (/^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host)) return true;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets[1] === '127';
}

/** Checks an OpenAI-compatible server's base address, saying in a sentence why one is refused. */
export function checkEndpoint(raw: string): EndpointVerdict {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return {
      ok: false,
      reason: 'That is not an address Airlock can read. It should look like https://server.example:8000.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {
      ok: false,
      reason: `Only http:// and https:// addresses can serve a model; "${url.protocol}" cannot.`,
    };
  if (url.username !== '' || url.password !== '')
    return {
      ok: false,
      reason:
        'The address contains a user name or password. Remove it and enter the key in the API key field, so it is not kept in the address.',
    };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return {
      ok: false,
      reason:
        'A server on another computer must use https://, so your chats are not sent unencrypted over the network. Plain http:// is only for this computer (localhost, 127.0.0.1, ::1).',
    };
  if (url.search !== '' || url.hash !== '')
    return {
      ok: false,
      reason: 'The address should end at the server or its /v1 path, without a ? or # part.',
    };
  return { ok: true, url };
}
