// The runtime image Airlock runs by default, the Ollama version floor, and
// what the engine has for an image reference (for the status view).
import type Docker from 'dockerode';
import { AirlockError } from '../errors';
import { engineMessage, engineUnreachable, httpStatus } from './docker-errors';

/**
 * Below this Ollama version, /api/create then /api/push leaks process memory
 * (CVE-2026-7482 "Bleeding Llama", GHSA-x8qc-fggm-mpqg, fixed in 0.17.1 by
 * ollama PR #14406). SECURITY.md CT-05.
 */
export const runtimeVersionFloor = '0.17.1';

export const defaultRuntimeVersion = '0.20.2';

/**
 * ollama/ollama 0.20.2 pinned by its registry digest (CT-05: pin by digest).
 * No registry is reachable from where this was written, so the digest was
 * not pulled here: it is the one four unrelated public repositories pin for
 * `ollama/ollama:0.20.2` (found through the team's code search),
 * and no other digest for that tag was seen. The engine checks it on pull: a
 * wrong digest fails the pull, it cannot run a different image.
 */
export const defaultRuntimeImage = `ollama/ollama:${defaultRuntimeVersion}@sha256:0455f166da85b1d07f694c33ba09278ca649603c0611ba8e46272b16eed7fccd`;

/** Numeric core and pre-release of "0.17.1", "v0.17.1" or "0.17.1-rc1"; undefined for anything else. */
function parseRuntimeVersion(version: string): { core: [number, number, number]; pre: boolean } | undefined {
  const match = /^v?(\d{1,6})\.(\d{1,6})\.(\d{1,6})(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.exec(
    version.trim(),
  );
  if (!match) return undefined;
  return { core: [Number(match[1]), Number(match[2]), Number(match[3])], pre: match[4] !== undefined };
}

/**
 * Whether an Ollama version is at or above the floor. A pre-release of the
 * floor itself ("0.17.1-rc0") is not: it may predate the fix. Anything that
 * is not a version is not OK, so a garbage answer never passes.
 */
export function runtimeVersionOk(version: string, floor: string = runtimeVersionFloor): boolean {
  const have = parseRuntimeVersion(version);
  const need = parseRuntimeVersion(floor);
  if (!have || !need) return false;
  for (let i = 0; i < 3; i++) {
    if (have.core[i]! !== need.core[i]!) return have.core[i]! > need.core[i]!;
  }
  return !have.pre;
}

export type ImageInfo =
  | { ref: string; present: false }
  | {
      ref: string;
      present: true;
      id: string;
      repoTags: string[];
      /** `name@sha256:…` for each registry the image was pulled from; empty for built or loaded images. */
      repoDigests: string[];
      created: string;
      sizeBytes: number;
    };

export async function imageInfo(docker: Docker, ref: string): Promise<ImageInfo> {
  try {
    const image = await docker.getImage(ref).inspect();
    return {
      ref,
      present: true,
      id: image.Id,
      repoTags: image.RepoTags ?? [],
      repoDigests: image.RepoDigests ?? [],
      created: image.Created,
      sizeBytes: image.Size,
    };
  } catch (error) {
    if (httpStatus(error) === 404) return { ref, present: false };
    throw (
      engineUnreachable(error) ??
      new AirlockError(
        'unavailable',
        `Docker could not look up the image ${ref}: ${engineMessage(error).slice(0, 200)}`,
      )
    );
  }
}
