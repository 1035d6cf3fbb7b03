// A canary for the "phone home" row (CT-08/CT-09) that needs nothing outside
// this machine: for the length of one verify, a listener on the host's own
// address on Docker's default bridge (docker0). A level 1–2 sandbox reaches
// it; a level 3 sandbox must not. It is bound to that one address, never
// 0.0.0.0, so nothing beyond this machine can see it.
import type Dockerode from 'dockerode';
import { createServer, type Server } from 'node:net';

export interface HostCanary {
  canary: { host: string; port: number };
  close: () => Promise<void>;
}

/**
 * The default bridge's gateway address. Docker 20.10 often leaves Gateway out
 * of the inspect answer; the gateway is then the subnet's first address. Whether
 * it is an address of this machine (not of Docker Desktop's VM) is settled by
 * trying to listen on it: os.networkInterfaces() hides docker0 while it is down.
 */
export async function bridgeGateway(docker: Dockerode): Promise<string | undefined> {
  const bridge = (await docker.getNetwork('bridge').inspect()) as {
    IPAM?: { Config?: { Gateway?: string; Subnet?: string }[] };
  };
  for (const config of bridge.IPAM?.Config ?? []) {
    if (config.Gateway && !config.Gateway.includes(':')) return config.Gateway;
    const subnet = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\//.exec(config.Subnet ?? '');
    if (subnet) return `${subnet[1]}.${subnet[2]}.${subnet[3]}.${Number(subnet[4]) + 1}`;
  }
  return undefined;
}

export async function startHostCanary(host: string): Promise<HostCanary> {
  const server: Server = createServer((socket) => socket.end());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: 0 }, resolve);
  });
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  return { canary: { host, port }, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Runs `work` with the host canary when this machine has one, and always closes it after. */
export async function withHostCanary<T>(
  docker: Dockerode,
  work: (canaries: { host: string; port: number }[]) => Promise<T>,
): Promise<T> {
  const host = await bridgeGateway(docker).catch(() => undefined);
  const canary = host ? await startHostCanary(host).catch(() => undefined) : undefined;
  try {
    return await work(canary ? [canary.canary] : []);
  } finally {
    await canary?.close();
  }
}
