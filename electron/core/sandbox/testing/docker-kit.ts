// Shared by the sandbox tests: the real engine, a fresh Airlock instance id
// per test file, and cleanup of exactly that instance's objects (other test
// files run against the same engine at the same time).
import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import { labelKeys } from '../levels';

export const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });

export function testInstance(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

/** Removes the instance's containers and, only in tests, its volumes. */
export async function removeInstance(instance: string): Promise<void> {
  const filters = { label: [`${labelKeys.instance}=${instance}`] };
  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true })));
  const { Volumes } = await docker.listVolumes({ filters });
  await Promise.all((Volumes ?? []).map((v) => docker.getVolume(v.Name).remove()));
}
