import { describe, expect, it } from 'vitest';
import { formatBytes } from './byte-format';

describe('bytes in words', () => {
  it('uses B, KiB, MiB and GiB', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(-5)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(2.25 * 1024 * 1024)).toBe('2.3 MiB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3 GiB');
  });
});
