// Reads what went wrong out of a dockerode error, and says "Docker is not
// running" the same way for every call when the engine itself is gone.
import { AirlockError } from '../errors';

interface DockerodeError {
  code?: unknown;
  statusCode?: unknown;
  reason?: unknown;
  json?: unknown;
  message?: unknown;
}

/** The engine's own message ("No such image: x") rather than dockerode's "(HTTP code 404) …" wrapper. */
export function engineMessage(error: unknown): string {
  const e = (error ?? {}) as DockerodeError;
  const json = e.json as { message?: unknown } | string | null | undefined;
  if (json && typeof json === 'object' && typeof json.message === 'string') return json.message.trim();
  if (typeof json === 'string' && json.trim()) return json.trim();
  // docker-modem wraps a plain-text body as "(HTTP code 500) server error - <engine message>".
  return String(e.message ?? error)
    .replace(/^\(HTTP code \d+\) [^-]*- /, '')
    .trim();
}

export function httpStatus(error: unknown): number | undefined {
  const status = (error as DockerodeError | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * When the socket or pipe itself failed (nothing listening, no permission,
 * timed out), a sentence about the engine; undefined when the engine answered.
 */
export function engineUnreachable(error: unknown): AirlockError | undefined {
  const code = (error as DockerodeError | undefined)?.code;
  if (code === 'ENOENT' || code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE') {
    return new AirlockError(
      'unavailable',
      'Docker is not running, so Airlock cannot reach it. Start Docker and try again.',
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new AirlockError(
      'unavailable',
      'Docker is running, but this user may not use it. Add the user to the docker group or use a rootless engine.',
    );
  }
  if (code === 'ETIMEDOUT' || /timeout/i.test(String((error as DockerodeError | undefined)?.message))) {
    return new AirlockError('timeout', 'Docker did not answer in time. It may be busy or stuck; try again.');
  }
  return undefined;
}
