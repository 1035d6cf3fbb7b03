// Puts a GGUF into the sandbox's model volume without giving the runtime any
// new way in. The bytes go through Docker's putArchive into a helper container
// that shares only the volume and never runs while they are written: no
// process inside can race the extraction with symlinks (the docker cp class of
// bugs, CVE-2018-15664), and the serving runtime gains no writable path or
// network. The file lands under a hidden name the engines do not list, and a
// second short run of the helper (no network, one capability, read-only
// root) renames it, so a runtime never sees half a model and a failed copy
// leaves nothing behind.
import type Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import { AirlockError } from '../errors';
import { tarStream } from '../engines/image/tar-pack';
import { engineMessage } from '../sandbox/docker-errors';
import { labelKeys, runtimeProfile } from '../sandbox/levels';

export interface SandboxTransfer {
  docker: Dockerode;
  instance: string;
  volume: string;
  /** The runtime's image as the owner named it (its profile says how to rename and delete inside). */
  imageRef: string;
  /** The image pinned, the helper is created from it (already on this machine). */
  image: string;
  /** uid:gid that owns the volume: the sandbox user from level 2, root at level 1. */
  owner: string;
  /** The host file to copy; read as it is sent, never whole into memory. */
  source: string;
  /** The name in the volume: what the built-in engine lists (demo.gguf → demo:latest). */
  fileName: string;
}

const fileName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.gguf$/;

export async function putModelInSandbox(t: SandboxTransfer): Promise<{ path: string }> {
  if (!fileName.test(t.fileName))
    throw new AirlockError('invalid_input', `${t.fileName} is not a model file name Airlock accepts.`);
  const profile = runtimeProfile(t.imageRef);
  const dir = profile.modelDir;
  const partial = `.incoming-${randomBytes(6).toString('hex')}.partial`;
  const [uid, gid] = t.owner.split(':').map(Number);
  const helper = (command: string[]) =>
    t.docker.createContainer({
      name: `airlock-${t.instance}-prepare-model-${randomBytes(4).toString('hex')}`,
      Image: t.image,
      Entrypoint: command,
      Cmd: [],
      // Root with only DAC_OVERRIDE: it must rename or delete in a folder that the sandbox user (level
      // 2+) or root (level 1) owns, and nothing more (no chown, no setuid, no network).
      User: '0:0',
      Labels: { [labelKeys.role]: 'prepare', [labelKeys.instance]: t.instance },
      HostConfig: {
        NetworkMode: 'none',
        Mounts: [
          {
            Type: 'volume',
            Source: t.volume,
            Target: dir,
            ReadOnly: false,
            VolumeOptions: { NoCopy: true } as Dockerode.MountSettings['VolumeOptions'],
          },
        ],
        CapDrop: ['ALL'],
        CapAdd: ['DAC_OVERRIDE'],
        SecurityOpt: ['no-new-privileges:true'],
        ReadonlyRootfs: true,
        Memory: 256 * 1024 * 1024,
        PidsLimit: 64,
      },
    });
  const runOnce = async (command: string[]): Promise<void> => {
    const container = await helper(command);
    try {
      await container.start();
      const { StatusCode } = (await container.wait()) as { StatusCode: number };
      if (StatusCode !== 0) throw new Error(`the helper exited with ${StatusCode}`);
    } finally {
      await container.remove({ force: true }).catch(() => undefined);
    }
  };

  const mover = await helper(profile.move(`${dir}/${partial}`, `${dir}/${t.fileName}`));
  let tried = false;
  try {
    tried = true;
    await mover.putArchive(
      tarStream([{ kind: 'file', path: partial, source: t.source, mode: 0o644, uid, gid }]),
      { path: dir },
    );
    await mover.start();
    const { StatusCode } = (await mover.wait()) as { StatusCode: number };
    if (StatusCode !== 0) throw new Error(`the rename inside the volume exited with ${StatusCode}`);
    return { path: `${dir}/${t.fileName}` };
  } catch (error) {
    // An interrupted copy may have left part of the hidden file: remove it, so nothing half-written stays.
    if (tried) await runOnce(profile.remove(`${dir}/${partial}`)).catch(() => undefined);
    throw new AirlockError(
      'unavailable',
      `Airlock could not copy the model into the sandbox: ${engineMessage(error).slice(0, 200)}`,
    );
  } finally {
    await mover.remove({ force: true }).catch(() => undefined);
  }
}
