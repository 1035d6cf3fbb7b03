// Finds the running sandbox's model volume for models.verify, through the
// sandbox service's own status and its one door to Docker. No running sandbox
// (or no Docker) means there is no copy to check, not a failure.
import type { Sandbox } from '../sandbox/sandbox-setup';
import type { SandboxVolume } from './verify-sandbox';

export async function sandboxModelVolume(
  sandbox: Sandbox,
  instance: string,
): Promise<SandboxVolume | undefined> {
  await sandbox.ready;
  const status = await sandbox.service.status();
  if (status.state !== 'running' || !status.container) return undefined;
  const { docker } = await sandbox.connect();
  return {
    docker,
    instance,
    volume: status.settings.volume,
    imageRef: status.container.image,
    image: status.container.imageId,
  };
}
