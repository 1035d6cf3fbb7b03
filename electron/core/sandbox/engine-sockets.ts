// The places Docker-compatible engines put their API socket by default, per
// platform, in the order Airlock tries them when nothing names an endpoint.
import { join } from 'node:path';

export interface KnownSocket {
  /** The engine in words, for "the first socket found: Podman (rootless)". */
  label: string;
  path: string;
}

export interface SocketPlaces {
  platform: NodeJS.Platform;
  home: string;
  env: Record<string, string | undefined>;
  /** The user id, for rootless Podman's /run/user/<uid>; undefined on Windows. */
  uid?: number;
}

/**
 * System Docker Engine comes first on Linux because it is what most servers
 * and CI run; desktop products next; Podman last because its Docker API is a
 * compatibility layer. Rootless Podman before rootful: rootful needs root.
 */
export function defaultSockets({ platform, home, env, uid }: SocketPlaces): KnownSocket[] {
  if (platform === 'win32') {
    return [
      { label: 'Docker Desktop', path: '//./pipe/docker_engine' },
      { label: 'Podman (machine)', path: '//./pipe/podman-machine-default' },
    ];
  }
  const desktops: KnownSocket[] = [
    { label: 'Rancher Desktop', path: join(home, '.rd/docker.sock') },
    { label: 'Colima', path: join(home, '.colima/default/docker.sock') },
    { label: 'Colima', path: join(home, '.colima/docker.sock') },
  ];
  if (platform === 'darwin') {
    return [
      { label: 'Docker Desktop', path: join(home, '.docker/run/docker.sock') },
      ...desktops,
      ...podmanMachineMac(home, env),
      // Docker Desktop's optional system symlink; last because any of the above may own it.
      { label: 'Docker Engine', path: '/var/run/docker.sock' },
    ];
  }
  return [
    { label: 'Docker Engine', path: '/var/run/docker.sock' },
    { label: 'Docker Desktop', path: join(home, '.docker/desktop/docker.sock') },
    ...desktops,
    ...rootlessPodman(env, uid),
    { label: 'Podman (rootful)', path: '/run/podman/podman.sock' },
  ];
}

/** Podman puts the rootless socket in the user's runtime dir; without one or a uid there is nowhere to look. */
function rootlessPodman(env: SocketPlaces['env'], uid: number | undefined): KnownSocket[] {
  const runtimeDir = env.XDG_RUNTIME_DIR?.trim() || (uid === undefined ? undefined : `/run/user/${uid}`);
  return runtimeDir ? [{ label: 'Podman (rootless)', path: join(runtimeDir, 'podman/podman.sock') }] : [];
}

/**
 * Podman 5 on macOS serves the API socket from $TMPDIR; Podman 4 kept it under
 * ~/.local/share. Both name the default machine `podman-machine-default`.
 */
function podmanMachineMac(home: string, env: SocketPlaces['env']): KnownSocket[] {
  const label = 'Podman (machine)';
  const places = [join(home, '.local/share/containers/podman/machine/podman-machine-default/podman.sock')];
  const tmp = env.TMPDIR?.trim();
  if (tmp) places.unshift(join(tmp, 'podman/podman-machine-default-api.sock'));
  return places.map((path) => ({ label, path }));
}
