// The rows about what the runtime itself can do: eat the machine (CT-06) and
// turn an exploit into a foothold (CT-05, CT-07). Each limit is read twice,
// from the engine's inspect and from the cgroup files the kernel enforces.
import type { VerifyCheck, VerifyRow } from '../../../shared/sandbox-contract';
import { engineVersion } from '../engines/builtin/engine-protocol';
import { runtimeVersionFloor, runtimeVersionOk } from './images';
import { runtimeAnswers } from './verify-host-rows';
import { check, fromProbe, mib, rowOf, type Seen } from './verify-rows';

/** cgroup v1 writes "no limit" as the largest page-aligned int64; anything this large is no limit. */
const unlimitedBytes = 2 ** 60;

/** CT-06: memory, CPU, CPU shares and PIDs, as Docker reports them and as the kernel enforces them. */
export function resourceRow(seen: Seen): VerifyRow {
  const host = seen.info.HostConfig;
  const memory = host.Memory ?? 0;
  const nanoCpus = host.NanoCpus ?? 0;
  const shares = host.CpuShares ?? 0;
  const pids = host.PidsLimit ?? 0;
  const checks: VerifyCheck[] = [
    check(
      'memory_limit',
      memory > 0,
      memory > 0 ? `Docker caps memory at ${mib(memory)}.` : 'Docker sets no memory limit.',
    ),
    check(
      'cpu_limit',
      nanoCpus > 0,
      nanoCpus > 0 ? `Docker caps CPU at ${nanoCpus / 1e9} CPUs.` : 'Docker sets no CPU limit.',
    ),
    check(
      'cpu_shares',
      shares > 0,
      shares > 0 ? `Docker sets CPU shares to ${shares}.` : 'Docker sets no CPU shares.',
    ),
    check(
      'pids_limit',
      pids > 0,
      pids > 0 ? `Docker caps processes at ${pids}.` : 'Docker sets no limit on the number of processes.',
    ),
    fromProbe(seen, 'kernel_memory_limit', 'cg_memory', (v) => {
      const bytes = Number(v);
      if (v === 'max' || !Number.isFinite(bytes) || bytes >= unlimitedBytes) {
        return [false, 'The kernel enforces no memory limit.'];
      }
      if (memory > 0 && bytes !== memory) {
        return [false, `The kernel caps memory at ${mib(bytes)}, not the ${mib(memory)} Docker reports.`];
      }
      return [true, `The kernel caps memory at ${mib(bytes)}.`];
    }),
    fromProbe(seen, 'kernel_cpu_limit', 'cg_cpu', (v) => {
      // v1 "quota period" with -1 for none; v2 "max period" or "quota period".
      const [quota = '', period = ''] = v.split(' ');
      const q = Number(quota);
      const p = Number(period);
      if (quota === 'max' || !(q > 0) || !(p > 0)) return [false, 'The kernel enforces no CPU limit.'];
      return [true, `The kernel allows ${Math.round((q / p) * 100) / 100} CPUs (${q} µs every ${p} µs).`];
    }),
    fromProbe(seen, 'kernel_pids_limit', 'cg_pids', (v) => {
      const n = Number(v);
      if (v === 'max' || !(n > 0)) return [false, 'The kernel enforces no limit on the number of processes.'];
      if (pids > 0 && n !== pids)
        return [false, `The kernel caps processes at ${n}, not the ${pids} Docker reports.`];
      return [true, `The kernel caps processes at ${n}.`];
    }),
  ];
  return rowOf('resource_exhaustion', seen.level, checks);
}

/** CT-05, CT-07: what a runtime exploit would land in. */
export function runtimeExploitRow(seen: Seen): VerifyRow {
  const host = seen.info.HostConfig;
  const capDrop = (host.CapDrop ?? []) as string[];
  const capAdd = (host.CapAdd ?? []) as string[];
  const image = seen.info.Config?.Image ?? '';
  const pinned = /@sha256:[a-f0-9]{64}$/.test(image) || /^sha256:[a-f0-9]{64}$/.test(image);
  const value = (key: string) => (seen.probe.ok ? seen.probe.values.get(key) : undefined);
  const checks: VerifyCheck[] = [
    check(
      'rootfs_read_only',
      host.ReadonlyRootfs === true,
      host.ReadonlyRootfs
        ? 'Docker mounts the root filesystem read-only.'
        : 'The root filesystem is writable.',
    ),
    fromProbe(seen, 'etc_write_refused', 'etc_write', (v) => {
      if (v === 'ok') return [false, 'Writing to /etc worked: the root filesystem is writable.'];
      if (/read-only file system/i.test(v)) return [true, 'Writing to /etc fails: read-only file system.'];
      return [
        false,
        `Writing to /etc was refused, but not because the filesystem is read-only (${reason(v)}).`,
      ];
    }),
    fromProbe(seen, 'tmp_writable', 'tmp_write', (v) =>
      v === 'ok' ? [true, '/tmp is writable.'] : [false, `/tmp is not writable (${reason(v)}).`],
    ),
    fromProbe(seen, 'tmp_noexec', 'tmp_write', (v) => {
      if (v !== 'ok')
        return [false, 'Running a program from /tmp could not be tested: /tmp is not writable.'];
      const exec = value('tmp_exec') ?? '';
      if (exec.startsWith('refused')) return [true, `A program copied to /tmp cannot run (${reason(exec)}).`];
      if (exec.startsWith('ran'))
        return [false, 'A program copied to /tmp ran: /tmp allows running programs.'];
      return [false, 'No program could be copied to /tmp to test it.'];
    }),
    fromProbe(seen, 'non_root', 'probe_uid', (v) => {
      // PID 1's real uid is the runtime's; the probe's is the container's User as the engine applies it.
      const pid1 = (value('pid1_Uid') ?? '').split(' ')[0] ?? '';
      if (v === '0' || pid1 === '0') return [false, `The runtime runs as root (uid ${pid1 || v}).`];
      if (!/^\d+$/.test(v) || !/^\d+$/.test(pid1))
        return [false, `The runtime's user could not be read (${v}, ${pid1}).`];
      return [true, `The runtime runs as uid ${pid1}, not root.`];
    }),
    fromProbe(seen, 'caps_dropped', 'pid1_CapEff', (v) => {
      const bounding = value('pid1_CapBnd') ?? '';
      const zero = /^0+$/;
      if (!zero.test(v)) return [false, `The runtime holds Linux capabilities (CapEff ${v}).`];
      // A non-root process shows CapEff 0 even with every capability allowed; the bounding set tells.
      if (!zero.test(bounding))
        return [false, `The runtime could still gain capabilities (CapBnd ${bounding}).`];
      if (!capDrop.includes('ALL') || capAdd.length) {
        return [
          false,
          `Docker drops ${capDrop.join(', ') || 'no capabilities'} and adds ${capAdd.join(', ') || 'none'}.`,
        ];
      }
      return [true, 'The runtime holds no Linux capabilities and can gain none (CapEff and CapBnd 0).'];
    }),
    fromProbe(seen, 'no_new_privs', 'pid1_NoNewPrivs', (v) =>
      v === '1'
        ? [true, 'The runtime cannot gain privileges through setuid programs (NoNewPrivs 1).']
        : [false, `The runtime can gain privileges through setuid programs (NoNewPrivs ${v || 'unknown'}).`],
    ),
    check(
      'image_pinned',
      pinned,
      pinned ? `The image is pinned: ${short(image)}.` : `The image is not pinned by digest: ${image}.`,
    ),
    versionCheck(seen),
  ];
  return rowOf('runtime_exploit', seen.level, checks);
}

function versionCheck(seen: Seen): VerifyCheck {
  if (!seen.version.ok) return runtimeAnswers(seen, 'runtime_version');
  const { version } = seen.version;
  // The Ollama floor is about Ollama's bugs; Airlock's own engine ships with Airlock and names itself exactly.
  if (version === engineVersion)
    return check(
      'runtime_version',
      true,
      `The runtime is Airlock's built-in engine ${version}, the one this Airlock ships.`,
    );
  return runtimeVersionOk(version)
    ? check('runtime_version', true, `The runtime is version ${version}, at or above ${runtimeVersionFloor}.`)
    : check(
        'runtime_version',
        false,
        `The runtime is version ${version}, below the safe floor ${runtimeVersionFloor}.`,
      );
}

/** The message part of a `refused: …` probe answer. */
function reason(value: string): string {
  return value.replace(/^refused\s*\d*:\s*/, '').slice(0, 160) || 'no reason given';
}

function short(image: string): string {
  return image.replace(/(sha256:[a-f0-9]{12})[a-f0-9]{52}/, '$1…');
}
