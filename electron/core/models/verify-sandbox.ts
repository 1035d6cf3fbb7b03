// Reads the model copies in the sandbox's model volume for re-verification
// (MI-06) without running anything inside it: a helper container is created
// from the runtime's own image with the volume mounted read-only, never
// started, and Docker's getArchive streams each file out as a tar that is
// hashed as it arrives (tar-file-digest.ts). A changed copy is removed by a
// short run of the same kind of helper the transfer uses (no network, one
// capability, read-only root), so the sandboxed engine stops serving it.
import type Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import { labelKeys, runtimeProfile } from '../sandbox/levels';
import { digestTarFile, type TarDigest } from './tar-file-digest';

export interface SandboxVolume {
  docker: Dockerode;
  instance: string;
  volume: string;
  /** The runtime's image as named (its profile gives the model folder and the remove command). */
  imageRef: string;
  /** The pinned image the helper is created from (already on this machine). */
  image: string;
}

function helper(s: SandboxVolume, command: string[], writable: boolean): Promise<Dockerode.Container> {
  const dir = runtimeProfile(s.imageRef).modelDir;
  return s.docker.createContainer({
    name: `airlock-${s.instance}-verify-model-${randomBytes(4).toString('hex')}`,
    Image: s.image,
    Entrypoint: command,
    Cmd: [],
    User: '0:0',
    Labels: { [labelKeys.role]: 'prepare', [labelKeys.instance]: s.instance },
    HostConfig: {
      NetworkMode: 'none',
      Mounts: [{ Type: 'volume', Source: s.volume, Target: dir, ReadOnly: !writable }],
      CapDrop: ['ALL'],
      ...(writable ? { CapAdd: ['DAC_OVERRIDE'] } : {}),
      SecurityOpt: ['no-new-privileges:true'],
      ReadonlyRootfs: true,
      Memory: 256 * 1024 * 1024,
      PidsLimit: 64,
    },
  });
}

/** The SHA-256 and size of each named file the volume holds; a name it does not hold is left out. */
export async function sandboxDigests(s: SandboxVolume, fileNames: string[]): Promise<Map<string, TarDigest>> {
  const dir = runtimeProfile(s.imageRef).modelDir;
  const found = new Map<string, TarDigest>();
  if (fileNames.length === 0) return found;
  // Never started: the command is only there because create needs one.
  const reader = await helper(s, ['true'], false);
  try {
    for (const name of fileNames) {
      let archive: NodeJS.ReadableStream;
      try {
        archive = await reader.getArchive({ path: `${dir}/${name}` });
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) continue;
        throw error;
      }
      found.set(name, await digestTarFile(archive as AsyncIterable<Buffer>));
    }
  } finally {
    await reader.remove({ force: true }).catch(() => undefined);
  }
  return found;
}

/** Removes a copy from the volume so the sandboxed engine no longer lists it. */
export async function removeFromSandbox(s: SandboxVolume, fileName: string): Promise<void> {
  const profile = runtimeProfile(s.imageRef);
  const container = await helper(s, profile.remove(`${profile.modelDir}/${fileName}`), true);
  try {
    await container.start();
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    if (StatusCode !== 0) throw new Error(`removing the changed copy exited with ${StatusCode}`);
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}
