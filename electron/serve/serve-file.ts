// The file `serve` leaves in the data folder (0600) so the CLI on this
// machine can find the running server and its token.
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { tokenPattern } from '../../shared/wire';

export const serveFileName = 'serve.json';

export const serveFileSchema = z.object({
  url: z.string(),
  port: z.number().int(),
  token: z.string().regex(tokenPattern),
  pid: z.number().int(),
  startedAt: z.number(),
});
export type ServeFile = z.infer<typeof serveFileSchema>;

export const newToken = (): string => randomBytes(32).toString('base64url');

/** Written to a temp file first and renamed, so a reader never sees half a file. */
export function writeServeFile(dataDir: string, info: ServeFile): string {
  const path = join(dataDir, serveFileName);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(info, null, 2), { mode: 0o600 });
  renameSync(temp, path);
  return path;
}

export function readServeFile(dataDir: string): ServeFile | undefined {
  try {
    return serveFileSchema.parse(JSON.parse(readFileSync(join(dataDir, serveFileName), 'utf8')));
  } catch {
    return undefined;
  }
}

/** Removes the file only if it is still ours (another serve may have started since). */
export function removeServeFile(dataDir: string, pid: number): void {
  if (readServeFile(dataDir)?.pid === pid) rmSync(join(dataDir, serveFileName), { force: true });
}

/** A token for remote use comes from a file the owner made; it must look like one of ours. */
export function readTokenFile(path: string): string {
  const token = readFileSync(path, 'utf8').trim();
  if (!tokenPattern.test(token)) {
    throw new Error(
      `The token file must hold one token of 43 letters, digits, "-" or "_" (make one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))").`,
    );
  }
  return token;
}
