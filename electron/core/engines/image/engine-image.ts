// The built-in engine as a sandbox runtime image, built here with no
// registry: FROM scratch, this machine's Node and libraries, the engine child
// and llama.cpp's CPU addon. The tag carries a hash of every input byte, so an
// unchanged install reuses its image and a changed one never runs stale code.
import type Dockerode from 'dockerode';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { AirlockError } from '../../errors';
import { engineVersion } from '../builtin/engine-protocol';
import { engineImageFiles, imageLayout, type EngineImageSources } from './engine-image-inputs';
import { tarStream, type TarEntry } from './tar-pack';

export const engineImageRepo = 'airlock-engine';
/** On the image, so the sandbox knows it has Node and no shell (relay, probe, healthcheck). */
export const engineImageLabel = 'airlock.runtime';
export const engineImageLabelValue = 'builtin-engine';

export interface EngineImageOptions extends Partial<EngineImageSources> {
  /** The image name without tag; tests use their own so they never touch the product's. */
  repo?: string;
  platform?: NodeJS.Platform;
  onProgress?: (line: string) => void;
}

export interface EngineImage {
  tag: string;
  id: string;
  /** False when an image with the same inputs was already there. */
  built: boolean;
}

/** How the engine runs inside: on all interfaces of its own network namespace, CPU only. */
export const engineCommand = [
  imageLayout.node,
  imageLayout.entry,
  JSON.stringify({ modelsDir: imageLayout.modelsDir, host: '0.0.0.0', port: 11434, gpu: false }),
];

export function dockerfile(inputsHash: string): string {
  return [
    'FROM scratch',
    'COPY rootfs/ /',
    'ENV HOME=/tmp PATH=/usr/bin',
    // Not root even at level 1, where the spec names no user.
    'USER 10001:10001',
    'EXPOSE 11434',
    `LABEL ${engineImageLabel}=${engineImageLabelValue} airlock.engine.version=${engineVersion} airlock.engine.inputs=${inputsHash}`,
    `ENTRYPOINT ${JSON.stringify(engineCommand)}`,
    '',
  ].join('\n');
}

/**
 * The inputs' fingerprint: small files (the engine bundle, package sources)
 * by content, big ones (Node, the libraries, llama.cpp) by size and mtime, as
 * hashing ~200 MB on every "Start safe chat" costs seconds on a small machine.
 */
async function hashInputs(files: { imagePath: string; source: string }[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update(dockerfile(''));
  for (const file of files) {
    hash.update(`\0${file.imagePath}\0`);
    const { size, mtimeMs } = await stat(file.source);
    if (size > bigFile) {
      hash.update(`${size}:${mtimeMs}`);
      continue;
    }
    for await (const chunk of createReadStream(file.source)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
const bigFile = 512 * 1024;

/** Why this machine cannot build the image, as a sentence; undefined when it can. */
export function cannotBuildHere(platform: NodeJS.Platform, arch: string): string | undefined {
  if (platform !== 'linux') {
    return 'Airlock builds its own engine image only on Linux. On this computer, download the Ollama image instead (Security view).';
  }
  if (arch !== 'x64' && arch !== 'arm64') {
    return `Airlock has no engine build for this processor (${arch}). Download the Ollama image instead.`;
  }
  return undefined;
}

/** The engine image for the current inputs: found by its content tag, or built now. */
export async function ensureEngineImage(
  docker: Dockerode,
  options: EngineImageOptions & Pick<EngineImageSources, 'entry' | 'packagesRoot'>,
): Promise<EngineImage> {
  const arch = options.arch ?? process.arch;
  const why = cannotBuildHere(options.platform ?? process.platform, arch);
  if (why) throw new AirlockError('unavailable', why);
  const files = await engineImageFiles({
    nodeBinary: options.nodeBinary ?? process.execPath,
    entry: options.entry,
    packagesRoot: options.packagesRoot,
    arch,
  });
  const inputs = await hashInputs(files.hashed);
  const tag = `${options.repo ?? engineImageRepo}:${engineVersion}-${inputs.slice(0, 16)}`;
  const existing = await docker
    .getImage(tag)
    .inspect()
    .catch(() => undefined);
  if (existing?.Config?.Labels?.['airlock.engine.inputs'] === inputs) {
    return { tag, id: existing.Id, built: false };
  }
  const context: TarEntry[] = [
    { kind: 'bytes', path: 'Dockerfile', bytes: Buffer.from(dockerfile(inputs)) },
    ...files.entries,
  ];
  await build(docker, tarStream(context), tag, options.onProgress);
  const image = await docker.getImage(tag).inspect();
  return { tag, id: image.Id, built: true };
}

async function build(
  docker: Dockerode,
  context: NodeJS.ReadableStream,
  tag: string,
  onProgress?: (line: string) => void,
): Promise<void> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = await docker.buildImage(context, { t: tag, rm: true, forcerm: true, nocache: false });
  } catch (error) {
    throw new AirlockError('unavailable', `Docker could not build the engine image: ${String(error)}`);
  }
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (error: Error | null, output: { error?: string }[]) => {
        const failed = error?.message ?? output.find((o) => o.error)?.error;
        if (failed)
          reject(new AirlockError('unavailable', `Docker could not build the engine image: ${failed}`));
        else resolve();
      },
      (event: { stream?: string }) => {
        const line = event.stream?.trim();
        if (line) onProgress?.(line);
      },
    );
  });
}
