// The rows about the host: its files (CT-03, CT-04), the model API's exposure
// (CT-01) and escape to its kernel (level 4 only). Values come from the
// engine's inspect of the running container and from the live probe, never
// from the spec Airlock meant to apply.
import type { VerifyCheck, VerifyRow } from '../../../shared/sandbox-contract';
import { check, fromProbe, rowOf, type Seen } from './verify-rows';

/** CT-03, CT-04: no host path, no Docker socket, no host namespace, no way around seccomp. */
export function hostFilesRow(seen: Seen): VerifyRow {
  const host = seen.info.HostConfig;
  const mounts = seen.info.Mounts ?? [];
  const others = mounts.filter((m) => m.Type !== 'volume' && m.Type !== 'tmpfs');
  const binds = host.Binds ?? [];
  const volumes = mounts.filter((m) => m.Type === 'volume');
  const strangers = volumes.filter((m) => m.Name !== seen.volumeName);
  const sockets = mounts.filter((m) => /docker\.sock/.test(m.Source ?? ''));
  const sharedNamespaces = (['NetworkMode', 'PidMode', 'IpcMode', 'UTSMode', 'UsernsMode'] as const).filter(
    (key) => host[key] === 'host',
  );
  const devices = (host.Devices ?? []) as { PathOnHost?: string }[];
  const securityOpt = (host.SecurityOpt ?? []) as string[];
  const unconfined = securityOpt.filter((o) => /unconfined/.test(o));
  const checks: VerifyCheck[] = [
    check(
      'volume_or_tmpfs_only',
      others.length === 0 && binds.length === 0,
      others.length || binds.length
        ? `Host folders are mounted: ${[...others.map((m) => `${m.Source} at ${m.Destination} (${m.Type})`), ...binds].join(', ')}.`
        : 'Only named volumes and tmpfs are mounted; no host folder.',
    ),
    check(
      'only_model_volume',
      strangers.length === 0,
      strangers.length
        ? `Volumes other than the model volume are mounted: ${strangers.map((m) => `${m.Name ?? m.Source} at ${m.Destination}`).join(', ')}.`
        : volumes.length
          ? `The only volume is the model volume ${seen.volumeName}.`
          : 'No volume is mounted.',
    ),
    check(
      'no_socket_mount',
      sockets.length === 0,
      sockets.length
        ? `The Docker socket is mounted at ${sockets.map((m) => m.Destination).join(', ')}.`
        : 'No mount comes from the Docker socket.',
    ),
    fromProbe(seen, 'no_socket_inside', 'docker_sock', (v) =>
      v === 'none'
        ? [true, 'No Docker socket exists inside the container.']
        : [false, `${v} exists inside the container.`],
    ),
    check(
      'not_privileged',
      host.Privileged !== true,
      host.Privileged ? 'The container is privileged.' : 'The container is not privileged.',
    ),
    check(
      'no_host_namespaces',
      sharedNamespaces.length === 0,
      sharedNamespaces.length
        ? `It shares the host's namespaces: ${sharedNamespaces.join(', ')} is host.`
        : "It shares none of the host's network, process, IPC, hostname or user namespaces.",
    ),
    check(
      'no_devices',
      devices.length === 0,
      devices.length
        ? `Host devices are passed in: ${devices.map((d) => d.PathOnHost ?? '?').join(', ')}.`
        : 'No host device is passed in.',
    ),
    check(
      'no_unconfined',
      unconfined.length === 0,
      unconfined.length
        ? `Security profiles are switched off: ${unconfined.join(', ')}.`
        : 'No seccomp or AppArmor profile is switched off.',
    ),
    fromProbe(seen, 'seccomp_on', 'pid1_Seccomp', (v) =>
      v === '2'
        ? [true, 'The kernel filters its system calls (seccomp mode 2).']
        : [false, `The kernel does not filter its system calls (seccomp mode ${v || 'unknown'}).`],
    ),
  ];
  return rowOf('host_files', seen.level, checks);
}

/** CT-01: published on loopback only (nothing at all at level 3), and the runtime answers through Airlock's path. */
export function networkExposureRow(seen: Seen): VerifyRow {
  const configured = bindingsOf(seen.info.HostConfig.PortBindings);
  const published = bindingsOf(seen.info.NetworkSettings?.Ports);
  const checks: VerifyCheck[] = [
    bindingCheck('bindings_loopback', 'asked for', configured, seen.level),
    bindingCheck('published_loopback', 'published', published, seen.level),
    runtimeAnswers(seen, 'runtime_answers'),
  ];
  return rowOf('network_exposure', seen.level, checks);
}

/** Levels 1-3 share the kernel of the machine Docker runs on; only level 4's VM has its own. */
export function containerEscapeRow(seen: Seen): VerifyRow {
  const kernel = seen.probe.ok ? seen.probe.values.get('kernel') : undefined;
  const checks = [
    check(
      'own_kernel',
      false,
      `The runtime shares the kernel${kernel ? ` (${kernel})` : ''} of the machine Docker runs on; level 4 gives it a VM with its own.`,
    ),
  ];
  return rowOf('container_escape', seen.level, checks);
}

export function runtimeAnswers(seen: Seen, id: string): VerifyCheck {
  return seen.version.ok
    ? check(
        id,
        true,
        `The runtime answers GET /api/version through Airlock (version ${seen.version.version}).`,
      )
    : check(id, false, `The runtime did not answer GET /api/version through Airlock: ${seen.version.error}.`);
}

interface Binding {
  port: string;
  hostIp: string;
  hostPort: string;
}

function bindingsOf(map: unknown): Binding[] {
  if (!map || typeof map !== 'object') return [];
  return Object.entries(map as Record<string, { HostIp?: string; HostPort?: string }[] | null>).flatMap(
    ([port, list]) => (list ?? []).map((b) => ({ port, hostIp: b.HostIp ?? '', hostPort: b.HostPort ?? '' })),
  );
}

const loopback = new Set(['127.0.0.1', '::1']);

function bindingCheck(id: string, verb: string, bindings: Binding[], level: number): VerifyCheck {
  const describe = (b: Binding) => `${b.hostIp || 'every address'}:${b.hostPort || 'any'} → ${b.port}`;
  if (level >= 3) {
    return check(
      id,
      bindings.length === 0,
      bindings.length
        ? `Ports are ${verb} on the host: ${bindings.map(describe).join(', ')}.`
        : `No port is ${verb} on the host.`,
    );
  }
  // An empty HostIp means 0.0.0.0 and [::]: every interface (CT-01).
  const open = bindings.filter((b) => !loopback.has(b.hostIp));
  if (open.length)
    return check(id, false, `Ports are ${verb} beyond loopback: ${open.map(describe).join(', ')}.`);
  return check(
    id,
    true,
    bindings.length
      ? `Ports ${verb} on loopback only: ${bindings.map(describe).join(', ')}.`
      : `No port is ${verb} on the host.`,
  );
}
