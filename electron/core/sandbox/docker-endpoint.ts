// Turns one Docker host address (DOCKER_HOST or a context's endpoint) into an
// endpoint Airlock can connect to. Refuses plain TCP: an unauthenticated
// Docker API is root on that host (CIS Docker 2.7, "TLS for daemon on TCP").

export type DockerEndpoint =
  | { kind: 'socket'; path: string; source: string }
  | { kind: 'tls'; host: string; port: number; certPath: string; source: string };

export type EndpointRefusal = {
  ok: false;
  reason: 'insecure_endpoint' | 'failed';
  message: string;
};

export type HostParse = { ok: true; endpoint: DockerEndpoint } | EndpointRefusal;

/** Where a host address came from, so refusals can name it and say how to fix it. */
export interface HostOrigin {
  /** Names the setting in a sentence: "DOCKER_HOST", "The active Docker context 'work'". */
  subject: string;
  /** `endpoint.source` for a successful parse. */
  source: string;
  /** The folder holding ca.pem, cert.pem and key.pem, when TLS is configured. */
  certPath?: string;
  /** How to turn TLS on for this kind of setting. */
  tlsHint: string;
}

/**
 * Parses `unix://`, `npipe://` and `tcp://` addresses. TCP is accepted only
 * with TLS material, because a plain TCP Docker API gives anyone who can
 * reach it control of the machine.
 */
export function parseDockerHost(host: string, origin: HostOrigin): HostParse {
  const { source } = origin;
  if (host.startsWith('unix://'))
    return { ok: true, endpoint: { kind: 'socket', path: host.slice(7), source } };
  if (host.startsWith('npipe://'))
    return { ok: true, endpoint: { kind: 'socket', path: host.slice(8).replace(/\//g, '\\'), source } };
  if (host.startsWith('tcp://')) {
    let url: URL;
    try {
      url = new URL(host.replace(/^tcp:/, 'https:'));
    } catch {
      return { ok: false, reason: 'failed', message: `${origin.subject} is not a valid address: ${host}.` };
    }
    if (origin.certPath) {
      return {
        ok: true,
        endpoint: {
          kind: 'tls',
          host: url.hostname,
          port: Number(url.port || 2376),
          certPath: origin.certPath,
          source,
        },
      };
    }
    return {
      ok: false,
      reason: 'insecure_endpoint',
      message: `${origin.subject} points at ${url.host} over plain TCP without TLS. Anyone who can reach it controls that machine, so Airlock will not use it. ${origin.tlsHint}`,
    };
  }
  return {
    ok: false,
    reason: 'failed',
    message: `${origin.subject} has a scheme Airlock does not know: ${host.split(':')[0]}.`,
  };
}

/** DOCKER_HOST as the Docker CLI reads it: TLS only with DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH. */
export function fromDockerHostEnv(host: string, env: Record<string, string | undefined>): HostParse {
  const certPath = env.DOCKER_TLS_VERIFY === '1' ? env.DOCKER_CERT_PATH : undefined;
  return parseDockerHost(host, {
    subject: 'DOCKER_HOST',
    source: 'the DOCKER_HOST environment variable',
    ...(certPath ? { certPath } : {}),
    tlsHint: 'Turn on TLS (DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH) or use the local socket.',
  });
}
