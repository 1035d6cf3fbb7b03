// Applies a runtime spec to the Docker engine and reads Airlock's own objects
// back. Every object it creates carries the instance label; every lookup
// filters on it, so another Airlock (or anything else) is never touched.
import type Dockerode from 'dockerode';
import { AirlockError } from '../errors';
import { httpStatus as statusOf } from './docker-errors';
import { labelKeys, runtimeProfile, type RuntimeSpec } from './levels';

export type ContainerInfo = Dockerode.ContainerInspectInfo;

/** The Docker create options for a spec. Never Privileged, never a host namespace, never a bind mount (CT-03, CT-04). */
export function toCreateOptions(spec: RuntimeSpec): Dockerode.ContainerCreateOptions {
  const port = `${spec.containerPort}/tcp`;
  return {
    name: spec.name,
    Image: spec.image,
    Labels: spec.labels,
    Env: spec.env,
    ...(spec.user ? { User: spec.user } : {}),
    ExposedPorts: spec.publish ? { [port]: {} } : {},
    Healthcheck: { Test: spec.healthcheck, Interval: 5e9, Timeout: 3e9, Retries: 3, StartPeriod: 2e9 },
    HostConfig: {
      NetworkMode: spec.network,
      PortBindings: spec.publish ? { [port]: [{ HostIp: spec.publish.hostIp, HostPort: '' }] } : {},
      Mounts: [volumeMount(spec)],
      ...(spec.tmpfs ? { Tmpfs: spec.tmpfs } : {}),
      ReadonlyRootfs: spec.readonlyRootfs,
      CapDrop: spec.capDrop,
      CapAdd: [],
      SecurityOpt: spec.securityOpt,
      Privileged: false,
      // A runtime whose PID 1 ignores SIGTERM would make every stop wait out the timeout.
      Init: true,
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 5 },
      ...(spec.limits
        ? {
            Memory: spec.limits.memoryBytes,
            MemorySwap: spec.limits.memoryBytes,
            NanoCpus: spec.limits.nanoCpus,
            CpuShares: spec.limits.cpuShares,
            PidsLimit: spec.limits.pidsLimit,
          }
        : {}),
      ...(spec.gpu ? { DeviceRequests: [{ Driver: 'nvidia', Count: -1, Capabilities: [['gpu']] }] } : {}),
    },
  };
}

/**
 * NoCopy: Docker otherwise copies the image's directory (owner included) into
 * an empty volume at every mount, undoing the hand-over to the sandbox user.
 */
function volumeMount(spec: RuntimeSpec): Dockerode.MountSettings {
  return {
    Type: 'volume',
    Source: spec.volume.name,
    Target: spec.volume.target,
    ReadOnly: false,
    // @types/dockerode marks Labels and DriverConfig required; the Engine API has them optional.
    VolumeOptions: { NoCopy: true } as Dockerode.MountSettings['VolumeOptions'],
  };
}

/** Finds the image, pinned: name@sha256 where the engine knows a repo digest, else its content id (CT-05). */
export async function pinImage(docker: Dockerode, ref: string): Promise<string> {
  if (/@sha256:[a-f0-9]{64}$/.test(ref)) {
    await inspectImage(docker, ref);
    return ref;
  }
  const image = await inspectImage(docker, ref);
  const name = ref.replace(/:[^/:]+$/, '');
  const digest = (image.RepoDigests ?? []).find((d) => d.startsWith(`${name}@`));
  return digest ?? image.Id;
}

async function inspectImage(docker: Dockerode, ref: string): Promise<Dockerode.ImageInspectInfo> {
  try {
    return await docker.getImage(ref).inspect();
  } catch (error) {
    if (statusOf(error) === 404) {
      throw new AirlockError(
        'not_found',
        `The runtime image ${ref} is not on this machine. Download it or load it from a file, then try again.`,
        { image: ref },
      );
    }
    throw error;
  }
}

/** Creates the model volume if needed; it is labelled to be kept and is never removed by a switch (TX-03). */
export async function ensureVolume(docker: Dockerode, name: string, instance: string): Promise<void> {
  try {
    await docker.getVolume(name).inspect();
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
    await docker.createVolume({
      Name: name,
      Labels: { [labelKeys.keep]: 'true', [labelKeys.instance]: instance, [labelKeys.role]: 'models' },
    });
  }
}

/**
 * Gives the volume to the non-root sandbox user before a level-2+ runtime
 * starts: a fresh volume is root-owned, and files a level-1 runtime wrote are
 * too. A short-lived container of the same image with only CAP_CHOWN does it.
 */
export async function handVolumeTo(
  docker: Dockerode,
  spec: RuntimeSpec,
  instance: string,
  user: string,
): Promise<void> {
  const container = await docker.createContainer({
    name: `airlock-${instance}-prepare-${spec.labels[labelKeys.operation]?.slice(0, 8) ?? 'x'}`,
    Image: spec.image,
    Entrypoint: runtimeProfile(spec.imageRef).chown(user, spec.volume.target),
    Cmd: [],
    User: '0:0',
    Labels: { [labelKeys.role]: 'prepare', [labelKeys.instance]: instance },
    HostConfig: {
      NetworkMode: 'none',
      Mounts: [volumeMount(spec)],
      CapDrop: ['ALL'],
      CapAdd: ['CHOWN'],
      SecurityOpt: ['no-new-privileges:true'],
      ReadonlyRootfs: true,
    },
  });
  try {
    await container.start();
    const result = (await container.wait()) as { StatusCode: number };
    if (result.StatusCode !== 0) {
      throw new AirlockError(
        'internal',
        'Airlock could not prepare the model volume for the non-root runtime.',
        {
          exitCode: result.StatusCode,
        },
      );
    }
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

/** The host port Docker picked for a level 1–2 runtime, read back from the engine. */
export function publishedPort(info: ContainerInfo, containerPort: number): number | undefined {
  const bindings = info.NetworkSettings?.Ports?.[`${containerPort}/tcp`] ?? [];
  const loopback = bindings.find((b) => b.HostIp === '127.0.0.1');
  return loopback ? Number(loopback.HostPort) : undefined;
}

/** Airlock's own containers of one role, newest first. */
export async function listOwn(
  docker: Dockerode,
  instance: string,
  role: 'runtime' | 'prepare' | 'probe',
): Promise<Dockerode.ContainerInfo[]> {
  const list = await docker.listContainers({
    all: true,
    filters: { label: [`${labelKeys.instance}=${instance}`, `${labelKeys.role}=${role}`] },
  });
  return list.sort((a, b) => b.Created - a.Created);
}

/** Removes a container but never its volumes (TX-03): `v` stays false. */
export async function removeContainer(docker: Dockerode, id: string): Promise<void> {
  try {
    await docker.getContainer(id).remove({ force: true, v: false });
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}

export async function stopContainer(docker: Dockerode, id: string): Promise<void> {
  try {
    await docker.getContainer(id).stop({ t: 5 });
  } catch (error) {
    // 304: already stopped; 404: already gone. Both are where we wanted to be.
    if (statusOf(error) !== 304 && statusOf(error) !== 404) throw error;
  }
}
