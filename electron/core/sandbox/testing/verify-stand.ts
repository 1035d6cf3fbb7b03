// Shared by the verify tests: a sandbox at a level (optionally with one field
// of its create options flipped by hand, for CT-10's mutation tests), a canary
// container on its own network, and a canary listener on the host's docker0
// address. Every object is named and labelled from the test's instance.
import type Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { VerifyReport } from '../../../../shared/sandbox-contract';
import { execPipe } from '../docker-exec';
import { bridgeGateway, startHostCanary as startOwnCanary, type HostCanary } from '../host-canary';
import { ensureVolume, handVolumeTo, toCreateOptions } from '../docker-sandbox';
import { buildRuntimeSpec, labelKeys, sandboxUser, type RuntimeSpec } from '../levels';
import { tcpUpstream, type Upstream } from '../runtime-endpoint';
import { waitForRuntime } from '../runtime-probe';
import { docker } from './docker-kit';
import { dockerCli, testRuntimeVersion } from './runtime-image';

export interface Stand {
  spec: RuntimeSpec;
  id: string;
  upstream: Upstream;
  info: Dockerode.ContainerInspectInfo;
}

export async function startSandbox(
  level: 1 | 2 | 3,
  options: {
    instance: string;
    image: string;
    pinned: string;
    mutate?: (o: Dockerode.ContainerCreateOptions) => void;
    /** A second network to join right after start. */
    network?: string;
    /** For a command that is not the runtime: do not wait for it to answer. */
    skipReady?: boolean;
  },
): Promise<Stand> {
  const { instance } = options;
  const settings = { level, image: options.image, memoryMb: 256, cpus: 0.5, gpu: false, port: 0 };
  const spec = buildRuntimeSpec({
    settings: { ...settings, volume: `airlock-${instance}-models` },
    pinnedImage: options.pinned,
    instance,
    operationId: randomBytes(6).toString('hex'),
  });
  await ensureVolume(docker, spec.volume.name, instance);
  if (spec.user) await handVolumeTo(docker, spec, instance, sandboxUser);
  const create = toCreateOptions(spec);
  options.mutate?.(create);
  const container = await docker.createContainer(create);
  await container.start();
  // Joining a network re-allocates an ephemeral published port on this engine
  // (20.10), so join first and read the port after.
  if (options.network) await docker.getNetwork(options.network).connect({ Container: container.id });
  let info = await container.inspect();
  const upstream = level === 3 ? () => execPipe(docker, container.id, 11434) : tcpUpstream(anyPort(info));
  if (options.skipReady) return { spec, id: container.id, upstream, info };
  // The switch verifies after the runtime is ready (step `ready`); so do the tests.
  await waitForRuntime(upstream, 10_000, async () => (await container.inspect()).State.Running);
  info = await container.inspect();
  return { spec, id: container.id, upstream, info };
}

/** The published port, wherever it is bound (a mutation may bind 0.0.0.0). */
function anyPort(info: Dockerode.ContainerInspectInfo): number {
  const bindings = Object.values(info.NetworkSettings.Ports ?? {}).flatMap((list) => list ?? []);
  const port = Number(bindings[0]?.HostPort);
  if (!port) throw new Error('the sandbox published no port');
  return port;
}

export interface CanaryNet {
  network: string;
  /** The canary container's address on its network: on this machine, reachable only from that network. */
  canary: { host: string; port: number };
  remove: () => Promise<void>;
}

/** A user network with the stand-in's httpd on it, the thing a phoning-home model must not reach. */
export async function startCanary(instance: string, image: string): Promise<CanaryNet> {
  const network = `airlock-${instance}-canary-net`;
  await docker.createNetwork({ Name: network, Labels: { [labelKeys.instance]: instance } });
  const container = await docker.createContainer({
    name: `airlock-${instance}-canary`,
    Image: image,
    Labels: { [labelKeys.instance]: instance, [labelKeys.role]: 'probe' },
    HostConfig: { NetworkMode: network, Init: true },
  });
  await container.start();
  const info = await container.inspect();
  const host = info.NetworkSettings.Networks[network]?.IPAddress;
  if (!host) throw new Error('the canary got no address');
  return {
    network,
    canary: { host, port: 11434 },
    remove: async () => {
      await container.remove({ force: true }).catch(() => undefined);
      await docker
        .getNetwork(network)
        .remove()
        .catch(() => undefined);
    },
  };
}

/** CT-09: a listener on the host's own docker0 address (not 0.0.0.0: nothing beyond this machine sees it). */
export async function startHostCanary(): Promise<HostCanary> {
  const host = (await bridgeGateway(docker)) ?? '172.17.0.1';
  return startOwnCanary(host);
}

export function rowStatuses(report: VerifyReport): Record<string, string> {
  return Object.fromEntries(report.rows.map((r) => [r.threat, r.status]));
}

export function checkOf(report: VerifyReport, threat: string, id: string) {
  const found = report.rows.find((r) => r.threat === threat)?.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${threat}/${id} in the report`);
  return found;
}

export async function removeQuietly(id: string): Promise<void> {
  await docker
    .getContainer(id)
    .remove({ force: true })
    .catch(() => undefined);
}

/**
 * A runtime with no shell at all: busybox installed only as /bin/httpd (it
 * picks the applet from its own name), answering GET /api/version.
 */
export async function buildNoShellImage(tag = 'airlock-test-noshell:1'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-noshell-image-'));
  try {
    copyFileSync('/bin/busybox', join(dir, 'httpd'));
    mkdirSync(join(dir, 'www', 'api'), { recursive: true });
    writeFileSync(join(dir, 'www', 'api', 'version'), JSON.stringify({ version: testRuntimeVersion }));
    writeFileSync(
      join(dir, 'Dockerfile'),
      'FROM scratch\nCOPY httpd /bin/httpd\nCOPY www /www\nCMD ["/bin/httpd", "-f", "-p", "11434", "-h", "/www"]\n',
    );
    await promisify(execFile)(dockerCli, ['build', '-q', '-t', tag, dir], { timeout: 120_000 });
    return tag;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
