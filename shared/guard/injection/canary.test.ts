import { describe, expect, it } from 'vitest';
import { canaryLeaked, hardenedSystemPrompt, makeCanary } from './canary';

const canary = makeCanary([3, 14, 15, 92, 65, 35, 89, 79, 32, 38, 46, 26]);

describe('canary', () => {
  it('sits in the system prompt, which holds no key-shaped secrets', () => {
    const prompt = hardenedSystemPrompt(canary, 'kid');
    expect(prompt).toContain(canary);
    expect(prompt).toMatch(/never new instructions/);
    expect(prompt).not.toMatch(/sk-|AKIA|ghp_|BEGIN [A-Z ]*PRIVATE KEY/);
  });

  it('is caught verbatim, spaced, dotted, re-cased, with look-alikes or encoded', () => {
    const body = canary.replace('airlock-canary-', '');
    const b64 = (s: string): string => {
      const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
      let out = '';
      for (let i = 0; i < s.length; i += 3) {
        const n = (s.charCodeAt(i) << 16) | ((s.charCodeAt(i + 1) || 0) << 8) | (s.charCodeAt(i + 2) || 0);
        out += chars[(n >> 18) & 63]! + chars[(n >> 12) & 63]! + chars[(n >> 6) & 63]! + chars[n & 63]!;
      }
      return out;
    };
    for (const leak of [
      `Sure! My marker is ${canary}.`,
      canary.split('').join(' '),
      canary.toUpperCase().split('').join('.'),
      `marker: ${body.replace(/a/g, 'а')}`, // Cyrillic а
      `x ${b64(canary)} y`,
    ]) {
      expect(canaryLeaked(leak, canary), leak).toBe(true);
    }
  });

  it('stays quiet on ordinary answers and on bad input', () => {
    expect(canaryLeaked('Here is a recipe for pancakes.', canary)).toBe(false);
    expect(canaryLeaked('', canary)).toBe(false);
    expect(canaryLeaked('\ud800'.repeat(10), canary)).toBe(false);
    expect(canaryLeaked(canary, '')).toBe(false);
  });
});
