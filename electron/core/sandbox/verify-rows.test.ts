// The pure half of verify: probe output parsing, canary validation, and how
// checks become rows, on hand-written inspect and probe values (the live
// tests beside this file cover the real engine).
import { describe, expect, it } from 'vitest';
import type { ContainerInfo } from './docker-sandbox';
import { phoneHomeRow } from './verify-egress-row';
import { networkExposureRow } from './verify-host-rows';
import { parseProbeOutput, validCanary } from './verify-probe';
import { check, rowOf, type Seen } from './verify-rows';
import { resourceRow } from './verify-runtime-rows';

function seen(
  overrides: Partial<Seen> & { values?: Record<string, string>; host?: object; ports?: object },
): Seen {
  const info = {
    Id: 'c1',
    Mounts: [],
    Config: { Image: 'sha256:' + 'a'.repeat(64), User: '' },
    HostConfig: { PortBindings: {}, ...overrides.host },
    NetworkSettings: { Ports: overrides.ports ?? {} },
  } as unknown as ContainerInfo;
  return {
    level: 3,
    info,
    probe: { ok: true, values: new Map(Object.entries(overrides.values ?? {})) },
    version: { ok: true, version: '0.17.1' },
    volumeName: 'models',
    canaries: [],
    ...overrides,
  };
}

describe('probe output', () => {
  it('keeps the first value of a key, so a later line cannot overwrite it', () => {
    const values = parseProbeOutput('probe=1\nnet_ifaces=lo\nnet_ifaces=lo,eth0\nnoise\n=x\nmsg=a=b\n');
    expect(values.get('net_ifaces')).toBe('lo');
    expect(values.get('msg')).toBe('a=b');
    expect(values.has('')).toBe(false);
  });

  it('never hands the shell a canary that is not a plain address and port', () => {
    expect(validCanary({ host: '172.18.0.2', port: 11434 })).toBe(true);
    expect(validCanary({ host: 'fe80::1', port: 80 })).toBe(true);
    expect(validCanary({ host: '1.2.3.4; rm -rf /', port: 80 })).toBe(false);
    expect(validCanary({ host: '$(id)', port: 80 })).toBe(false);
    expect(validCanary({ host: '-e', port: 80 })).toBe(false);
    expect(validCanary({ host: '127.0.0.1', port: 0 })).toBe(false);
    expect(validCanary({ host: '127.0.0.1', port: 70000 })).toBe(false);
  });
});

describe('rows from checks', () => {
  const pass = check('a', true, 'A held.');
  const fail = check('b', false, 'B did not hold.');

  it('is verified only when every check passed, and failed with the failing evidence otherwise', () => {
    expect(rowOf('host_files', 1, [pass]).status).toBe('verified');
    expect(rowOf('host_files', 1, [pass, fail])).toMatchObject({
      status: 'failed',
      evidence: 'B did not hold.',
    });
  });

  it('is not covered below its level, yet says what was seen', () => {
    const row = rowOf('phone_home', 2, [pass, fail]);
    expect(row.status).toBe('not_covered');
    expect(row.evidence).toBe(
      'Level 2 does not promise this; it is covered from level 3. Seen: B did not hold.',
    );
    expect(row.checks).toEqual([pass, fail]);
  });

  it('treats a port bound with no HostIp as bound on every interface', () => {
    const row = networkExposureRow(
      seen({
        level: 2,
        host: { PortBindings: { '11434/tcp': [{ HostIp: '', HostPort: '' }] } },
        ports: { '11434/tcp': [{ HostIp: '0.0.0.0', HostPort: '32768' }], '11435/tcp': null },
      }),
    );
    expect(row.status).toBe('failed');
    expect(row.evidence).toContain('every address:any → 11434/tcp');
    expect(row.evidence).toContain('0.0.0.0:32768 → 11434/tcp');
  });

  it('reads cgroup v1 "no limit" and v2 "max" as no limit, and a kernel value that differs from Docker as failed', () => {
    const host = { Memory: 268435456, NanoCpus: 5e8, CpuShares: 512, PidsLimit: 512 };
    const v1 = resourceRow(
      seen({ host, values: { cg_memory: '9223372036854771712', cg_pids: 'max', cg_cpu: '-1 100000' } }),
    );
    expect(v1.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual([
      'kernel_memory_limit',
      'kernel_cpu_limit',
      'kernel_pids_limit',
    ]);
    const v2 = resourceRow(
      seen({ host, values: { cg_memory: '134217728', cg_pids: '512', cg_cpu: 'max 100000' } }),
    );
    expect(v2.checks.find((c) => c.id === 'kernel_memory_limit')?.evidence).toBe(
      'The kernel caps memory at 128 MiB, not the 256 MiB Docker reports.',
    );
    expect(v2.checks.find((c) => c.id === 'kernel_cpu_limit')?.status).toBe('failed');
  });

  it('fails the canary check for an address it refused to try, and leaves it uncovered when none is given', () => {
    const base = { net_ifaces: 'lo', net_routes: '0', dns: 'failed: unreachable' };
    const bad = phoneHomeRow(seen({ values: base, canaries: [{ host: 'a b', port: 1 }] }));
    expect(bad.status).toBe('failed');
    expect(bad.evidence).toContain('Canary a b:1 is not an address and was not tried');
    const none = phoneHomeRow(seen({ values: base }));
    expect(none.status).toBe('verified');
    expect(none.checks.find((c) => c.id === 'canaries_unreachable')?.status).toBe('not_covered');
  });
});
