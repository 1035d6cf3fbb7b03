// Command-line options of `serve`, checked with sentences a person can act on.
import { isIP } from 'node:net';
import { roles, type Role } from '../../shared/call-def';

export interface ServeArgs {
  port: number;
  host: string;
  data?: string;
  allowRemote: boolean;
  tokenFile?: string;
  /** Until profiles exist, the headless owner can run the window as a kid (or teen, adult) profile. */
  profile?: Role;
}

export class UsageError extends Error {}

export const serveUsage = `Usage: npm run serve -- [--port N] [--data DIR] [--host ADDRESS --allow-remote --token-file FILE]
  --port N          port to listen on (0 picks a free one; default 0)
  --data DIR        data folder (default: $AIRLOCK_DATA, else the usual app-data folder)
  --host ADDRESS    address to bind (default 127.0.0.1); anything but loopback needs both flags below
  --allow-remote    allow binding a non-loopback address (the UI is then reachable from the network)
  --token-file FILE file holding the access token to require when remote
  --profile ROLE    run the window as a kid, teen, adult or admin profile (default admin, the owner);
                    until profiles exist, this is how to see and test what a kid gets`;

export const isLoopback = (host: string): boolean =>
  host === '127.0.0.1' || host === '::1' || host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host);

function parseRole(raw: string): Role {
  const role = roles.find((r) => r === raw);
  if (!role) throw new UsageError(`--profile must be one of ${roles.join(', ')}, not "${raw}".`);
  return role;
}

export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const args: ServeArgs = { port: 0, host: '127.0.0.1', allowRemote: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
      return next;
    };
    if (flag === '--port') {
      const raw = value();
      const port = Number(raw);
      if (!/^\d+$/.test(raw) || port > 65535)
        throw new UsageError(`--port must be a whole number from 0 to 65535, not "${raw}".`);
      args.port = port;
    } else if (flag === '--data') args.data = value();
    else if (flag === '--host') args.host = value();
    else if (flag === '--allow-remote') args.allowRemote = true;
    else if (flag === '--token-file') args.tokenFile = value();
    else if (flag === '--profile') args.profile = parseRole(value());
    else if (flag === '--help' || flag === '-h') throw new UsageError(serveUsage);
    else throw new UsageError(`Unknown option "${flag}".\n${serveUsage}`);
  }
  if (args.host !== 'localhost' && !isIP(args.host))
    throw new UsageError(`--host must be an IP address, not "${args.host}".`);
  if (!isLoopback(args.host) && !(args.allowRemote && args.tokenFile)) {
    throw new UsageError(
      `Refusing to listen on ${args.host}: that would open Airlock to the network. ` +
        'If you really mean it, add --allow-remote and --token-file FILE.',
    );
  }
  return args;
}
