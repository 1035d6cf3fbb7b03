// How Airlock opens a byte pipe to a sandbox's runtime: through the port the
// engine published on 127.0.0.1 (levels 1–2), or through the Docker API into
// a container with no network at all (level 3).
import type Dockerode from 'dockerode';
import type { Duplex } from 'node:stream';
import { execPipe } from './docker-exec';
import { publishedPort } from './docker-sandbox';
import { tcpUpstream, type Upstream } from './runtime-endpoint';

export function upstreamFor(
  docker: Dockerode,
  containerId: string,
  level: 1 | 2 | 3,
  info: Dockerode.ContainerInspectInfo,
  containerPort: number,
): Upstream {
  if (level >= 3) {
    // Airlock's engine image labels itself: it has Node to relay with, and no shell or nc.
    const relay = info.Config?.Labels?.['airlock.runtime'] === 'builtin-engine' ? 'node' : 'shell';
    return () => execPipe(docker, containerId, containerPort, relay);
  }
  const port = publishedPort(info, containerPort);
  if (!port) throw new Error('the engine reports no port on 127.0.0.1 for the runtime');
  return publishedUpstream(docker, containerId, containerPort, port);
}

/**
 * The engine may give a container a new random host port when it restarts it
 * (restart policy) or joins it to a network, so a refused connection reads
 * the port back once before giving up, instead of trusting the cached one.
 */
export function publishedUpstream(
  docker: Dockerode,
  containerId: string,
  containerPort: number,
  firstPort: number,
): Upstream {
  let port = firstPort;
  return async (): Promise<Duplex> => {
    try {
      return await tcpUpstream(port)();
    } catch (error) {
      const fresh = publishedPort(await docker.getContainer(containerId).inspect(), containerPort);
      if (!fresh || fresh === port) throw error;
      port = fresh;
      return tcpUpstream(port)();
    }
  };
}
