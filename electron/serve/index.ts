// `npm run serve`: the core and the renderer, headless, on loopback.
import { networkInterfaces, hostname } from 'node:os';
import { join } from 'node:path';
import { resolveDataDir } from '../core/data-dir';
import { createCore } from '../core/services';
import { isLoopback, parseServeArgs, UsageError } from './serve-args';
import { newToken, readTokenFile, removeServeFile, writeServeFile } from './serve-file';
import { startServe } from './serve-server';

async function main(): Promise<void> {
  const args = parseServeArgs(process.argv.slice(2));
  const dataDir = resolveDataDir({ flag: args.data });
  const remote = !isLoopback(args.host);
  const token = remote && args.tokenFile ? readTokenFile(args.tokenFile) : newToken();
  const core = createCore({ dataDir, carrier: 'serve', ...(args.profile ? { profile: args.profile } : {}) });
  if (args.profile) console.error(`[serve] the window runs as the ${args.profile} profile (--profile)`);
  const running = await startServe({
    core,
    host: args.host,
    port: args.port,
    token,
    rendererDir: join(__dirname, '..', 'renderer'),
    remoteHosts: remote ? machineNames() : [],
    log: (line) => console.error(`[serve] ${line}`),
  });
  writeServeFile(dataDir, {
    url: running.url,
    port: running.port,
    token,
    pid: process.pid,
    startedAt: Date.now(),
  });
  if (remote)
    console.error(
      `WARNING: Airlock is reachable from the network on ${args.host}. Anyone with the token can use it.`,
    );
  // The token rides in the fragment, which browsers never send to a server.
  console.log(`Airlock serving at ${running.url}#token=${token}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    removeServeFile(dataDir, process.pid);
    void running
      .close()
      .then(() => core.dispose())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function machineNames(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .flatMap((info) => (info ? [info.family === 'IPv6' ? `[${info.address}]` : info.address] : []));
  return [hostname().toLowerCase(), ...addresses];
}

main().catch((error: unknown) => {
  const message = error instanceof UsageError || error instanceof Error ? error.message : String(error);
  const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  console.error(
    busy ? 'That port is already in use. Pick another with --port N, or --port 0 for any free one.' : message,
  );
  process.exit(2);
});
