import { describe, expect, it } from 'vitest';
import { formatCpus, formatMemory, formatMiB, formatPids, shortId } from './sandbox-format';

describe('sandbox numbers in words', () => {
  it('shows memory in MiB below a GiB and GiB above, and 0 as no limit', () => {
    expect(formatMemory(512 * 1024 * 1024)).toBe('512 MiB');
    expect(formatMemory(4 * 1024 ** 3)).toBe('4 GiB');
    expect(formatMemory(1.5 * 1024 ** 3)).toBe('1.5 GiB');
    expect(formatMemory(0)).toBe('No limit');
    expect(formatMiB(6144)).toBe('6 GiB');
  });

  it('turns nano-CPUs into CPUs', () => {
    expect(formatCpus(2e9)).toBe('2 CPUs');
    expect(formatCpus(1.5e9)).toBe('1.5 CPUs');
    expect(formatCpus(1e9)).toBe('1 CPU');
    expect(formatCpus(0)).toBe('No limit');
  });

  it('reads 0 and -1 pids limits as no limit', () => {
    expect(formatPids(256)).toBe('256 processes');
    expect(formatPids(-1)).toBe('No limit');
    expect(formatPids(0)).toBe('No limit');
  });

  it('shortens ids and digests the way Docker shows them', () => {
    expect(shortId(`sha256:${'ab'.repeat(32)}`)).toBe('sha256:abababababab');
    expect(shortId('0123456789abcdef0123')).toBe('0123456789ab');
  });
});
