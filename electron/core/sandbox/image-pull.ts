// Pulls a runtime image from its registry, reporting bytes per layer, and
// turns the engine's failure into one sentence the owner can act on.
import type Docker from 'dockerode';
import { imageRefSchema } from '../../../shared/sandbox-contract';
import { AirlockError } from '../errors';
import { engineMessage, engineUnreachable } from './docker-errors';
import { imageInfo } from './images';
import { PullProgress, throttle, type LayerProgress, type PullEvent } from './pull-progress';

export interface PullOptions {
  /** Least time between two progress calls; 100 ms keeps it to about ten a second. */
  progressIntervalMs?: number;
}

/**
 * dockerode splits `name:tag@sha256:…` at the `@` and would send `name:tag`
 * as the repository. The digest decides what is pulled anyway, so send
 * `name@sha256:…` and let the engine verify the content against it.
 */
export function pullReference(ref: string): string {
  const at = ref.indexOf('@');
  if (at < 0) return ref;
  const name = ref.slice(0, at);
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  return (colon < 0 ? name : name.slice(0, colon)) + ref.slice(at);
}

export async function pullImage(
  docker: Docker,
  ref: string,
  onProgress: (layers: LayerProgress[]) => void,
  options: PullOptions = {},
): Promise<{ image: string; imageId: string }> {
  if (!imageRefSchema.safeParse(ref).success) {
    throw new AirlockError('invalid_input', `"${ref.slice(0, 80)}" is not an image name Airlock can pull.`);
  }
  const target = pullReference(ref);
  const progress = new PullProgress();
  const report = throttle(onProgress, options.progressIntervalMs ?? 100);
  let stream: NodeJS.ReadableStream;
  try {
    stream = await docker.pull(target);
  } catch (error) {
    throw engineUnreachable(error) ?? pullFailure(ref, engineMessage(error));
  }
  try {
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(
        stream,
        (error) => (error ? reject(error) : resolve()),
        (event: PullEvent) => {
          if (progress.apply(event)) report.push(progress.snapshot());
        },
      );
    });
  } catch (error) {
    throw engineUnreachable(error) ?? pullFailure(ref, engineMessage(error));
  } finally {
    report.flush();
  }
  if (progress.error !== undefined) throw pullFailure(ref, progress.error);
  const info = await imageInfo(docker, target);
  if (!info.present) {
    throw new AirlockError(
      'unavailable',
      `Docker finished pulling ${ref} but does not have it. Try the pull again.`,
    );
  }
  return { image: ref, imageId: info.id };
}

/**
 * One sentence per kind of failure. Docker Hub answers "pull access denied
 * … does not exist or may require 'docker login'" for both a missing and a
 * private repository, so that one sentence says both.
 */
export function pullFailure(ref: string, message: string): AirlockError {
  const detail = { engineMessage: message.slice(0, 500) };
  if (/pull access denied/i.test(message)) {
    return new AirlockError(
      'not_found',
      `The registry has no image ${ref} that Airlock may download: it does not exist, or it is private and needs a login.`,
      detail,
    );
  }
  if (/unauthorized|authentication required|access to the resource is denied|denied:/i.test(message)) {
    return new AirlockError(
      'forbidden',
      `The registry refused to give Airlock ${ref}: it needs a login this machine does not have.`,
      detail,
    );
  }
  if (/manifest unknown|not found|does not exist|no such image/i.test(message)) {
    return new AirlockError(
      'not_found',
      `The registry has no image ${ref}. Check the name, tag and digest.`,
      detail,
    );
  }
  if (
    /connection refused|no such host|i\/o timeout|network is unreachable|no route to host|dial tcp|tls handshake|client\.timeout|server misbehaving|connection reset|gave http response to https client|temporary failure in name resolution/i.test(
      message,
    )
  ) {
    return new AirlockError(
      'unavailable',
      `Airlock could not reach the registry for ${ref}. Check this machine's network, or load the image from a file instead.`,
      detail,
    );
  }
  return new AirlockError('unavailable', `Docker could not pull ${ref}: ${message.slice(0, 200)}`, detail);
}
