// Loads a runtime image from a `docker save` archive, for machines that
// cannot reach a registry. Checks the path before the engine sees anything.
import type Docker from 'dockerode';
import { accessSync, constants, createReadStream, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { AirlockError } from '../errors';
import { engineMessage, engineUnreachable } from './docker-errors';

/**
 * The path must be absolute (a relative one would resolve against wherever
 * the core happens to run), name a readable regular file, and end in .tar,
 * the format `docker save` writes. Each refusal says which rule failed.
 */
export function checkTarPath(path: string): void {
  if (!isAbsolute(path)) {
    throw new AirlockError('invalid_input', `Give the full path of the image file, not "${path}".`);
  }
  if (!/\.tar$/i.test(path)) {
    throw new AirlockError(
      'invalid_input',
      `${path} is not a .tar file. Save the image with "docker save -o image.tar".`,
    );
  }
  let kind: 'file' | 'folder' | 'other';
  try {
    const stat = statSync(path);
    kind = stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
  } catch {
    throw new AirlockError('not_found', `There is no file at ${path}.`);
  }
  if (kind !== 'file') {
    throw new AirlockError(
      'invalid_input',
      `${path} is a ${kind === 'folder' ? 'folder' : 'special file'}, not an image file.`,
    );
  }
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw new AirlockError('forbidden', `Airlock may not read ${path}. Check the file's permissions.`);
  }
}

interface LoadEvent {
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
}

/** The names in "Loaded image: x:1" and "Loaded image ID: sha256:…" lines, in order. */
export function loadedImages(events: LoadEvent[]): string[] {
  const names: string[] = [];
  for (const event of events) {
    for (const line of (event.stream ?? '').split('\n')) {
      const match = /^Loaded image(?: ID)?: (\S+)\s*$/.exec(line.trim());
      if (match) names.push(match[1]!);
    }
  }
  return names;
}

export async function loadImageTar(docker: Docker, path: string): Promise<{ images: string[] }> {
  checkTarPath(path);
  const file = createReadStream(path);
  let events: LoadEvent[];
  try {
    // quiet: the per-layer bars of a load say nothing the result does not.
    const response = await docker.loadImage(file, { quiet: true });
    events = await new Promise<LoadEvent[]>((resolve, reject) => {
      docker.modem.followProgress(response, (error, output: LoadEvent[]) =>
        error ? reject(error) : resolve(output),
      );
    });
  } catch (error) {
    throw engineUnreachable(error) ?? loadFailure(path, engineMessage(error));
  } finally {
    file.destroy();
  }
  const failed = events.find((e) => e.error !== undefined || e.errorDetail !== undefined);
  if (failed) throw loadFailure(path, failed.errorDetail?.message ?? failed.error ?? '');
  const images = loadedImages(events);
  if (images.length === 0) throw loadFailure(path, 'no "Loaded image" line in the answer');
  return { images };
}

function loadFailure(path: string, message: string): AirlockError {
  return new AirlockError(
    'invalid_input',
    `Docker could not load an image from ${path}: it does not look like an archive from "docker save", or it is damaged.`,
    { engineMessage: message.slice(0, 500) },
  );
}
