// A stand-in runtime for tests, the e2e and the bench: a 2 MB image built
// FROM scratch out of Debian's busybox-static (no registry is reachable
// here). It answers GET /api/version like Ollama, has a shell, nc and wget
// for the probes and the relay, and needs nothing writable outside /models.
// /tmp is 1777 like any distro image's: a level-2 tmpfs on /tmp takes the
// mode of the image's directory (runc chmods it back, ignoring mode=).
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** Debian's own client; another `docker` on PATH may be newer than this engine. */
export const dockerCli = '/usr/bin/docker';
export const testRuntimeImage = 'airlock-test-runtime:1';
export const testRuntimeVersion = '0.17.1';

const dockerfile = (cmd: string[]) => `FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
COPY www /www
RUN ["/bin/mkdir", "-p", "/models", "/tmp", "/etc"]
RUN ["/bin/chmod", "1777", "/tmp"]
EXPOSE 11434
CMD ${JSON.stringify(cmd)}
`;

export interface TestImageOptions {
  /** What GET /api/version answers; below 0.17.1 fails verification (CT-05). */
  version?: string;
  /** A runtime that exits at once instead of serving. */
  exits?: boolean;
}

/** Builds the image once per engine (Docker's cache makes a rebuild ~instant). */
export async function buildTestRuntimeImage(
  tag = testRuntimeImage,
  options: TestImageOptions = {},
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-runtime-image-'));
  try {
    copyFileSync('/bin/busybox', join(dir, 'busybox'));
    mkdirSync(join(dir, 'www', 'api'), { recursive: true });
    writeFileSync(
      join(dir, 'www', 'api', 'version'),
      JSON.stringify({ version: options.version ?? testRuntimeVersion }),
    );
    writeFileSync(join(dir, 'www', 'api', 'tags'), JSON.stringify({ models: [] }));
    writeFileSync(
      join(dir, 'Dockerfile'),
      dockerfile(options.exits ? ['sh', '-c', 'exit 1'] : ['httpd', '-f', '-p', '11434', '-h', '/www']),
    );
    await run(dockerCli, ['build', '-q', '-t', tag, dir], { timeout: 120_000 });
    return tag;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
