// The one place that turns a discovered endpoint into a dockerode client, so
// every Docker call in Airlock goes through the same door (STYLE.md).
import Docker from 'dockerode';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AirlockError } from '../errors';
import type { DockerEndpoint } from './docker-endpoint';

/**
 * A client for the endpoint. TLS endpoints always verify the server against
 * the endpoint's ca.pem: Airlock has no "skip verification" mode, because an
 * unverified Docker API is as good as a plain one to an attacker on the path.
 */
export function connectDocker(endpoint: DockerEndpoint, timeoutMs?: number): Docker {
  const timeout = timeoutMs === undefined ? {} : { timeout: timeoutMs };
  if (endpoint.kind === 'socket') return new Docker({ socketPath: endpoint.path, ...timeout });
  const cert = (name: string): Buffer => {
    const path = join(endpoint.certPath, name);
    try {
      return readFileSync(path);
    } catch {
      throw new AirlockError(
        'unavailable',
        `Airlock cannot read ${path}, which ${endpoint.source} needs for TLS. Check that the file exists and this user may read it.`,
      );
    }
  };
  return new Docker({
    host: endpoint.host,
    port: endpoint.port,
    protocol: 'https',
    ca: cert('ca.pem'),
    cert: cert('cert.pem'),
    key: cert('key.pem'),
    ...timeout,
  });
}
