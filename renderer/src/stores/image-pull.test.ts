import { describe, expect, it } from 'vitest';
import type { SandboxProgress } from '../../../shared/sandbox-contract';
import {
  applyPullEvent,
  failPull,
  finishPull,
  pullBelongs,
  pullBytes,
  shortLayer,
  startPull,
  type PullRun,
} from './image-pull';

const event = (state: SandboxProgress['state'], extra: Partial<SandboxProgress> = {}) =>
  ({ operationId: 'op1', kind: 'pull', step: 'pull', state, at: 1, ...extra }) satisfies SandboxProgress;

const layers = (...rows: [string, number, number][]) =>
  rows.map(([id, current, total]) => ({ id, current, total }));
const feed = (run: PullRun, ...events: SandboxProgress[]) => events.reduce(applyPullEvent, run);

describe('a download', () => {
  it('starts running with no layers and no bytes', () => {
    const run = startPull('ollama/ollama:0.20.2');
    expect(run).toEqual({ image: 'ollama/ollama:0.20.2', state: 'running', layers: [] });
    expect(pullBytes(run)).toEqual({ current: 0, total: 0, fraction: undefined });
  });

  it('adopts the operation of its first event, then ignores other operations and kinds', () => {
    const run = applyPullEvent(startPull('a:1'), event('running'));
    expect(run.operationId).toBe('op1');
    expect(pullBelongs(run, event('running'))).toBe(true);
    expect(pullBelongs(run, event('running', { operationId: 'op2' }))).toBe(false);
    expect(pullBelongs(run, event('running', { kind: 'switch' }))).toBe(false);
    expect(pullBelongs(startPull('a:1'), event('running', { kind: 'load' }))).toBe(false);
    expect(pullBelongs(finishPull(run, 'sha256:1'), event('running'))).toBe(false);
  });

  it('takes each event’s layers as the whole picture, and keeps them through events without any', () => {
    const run = feed(
      startPull('a:1'),
      event('running'),
      event('running', { layers: layers(['l1', 10, 100]) }),
      event('running', { layers: layers(['l1', 60, 100], ['l2', 0, 300]) }),
      event('running'),
    );
    expect(run.layers).toEqual(layers(['l1', 60, 100], ['l2', 0, 300]));
    expect(pullBytes(run)).toEqual({ current: 60, total: 400, fraction: 0.15 });
  });

  it('sums only layers with a size, and never counts more than a layer holds', () => {
    const run = feed(startPull('a:1'), event('running', { layers: layers(['l1', 50, 0], ['l2', 120, 100]) }));
    expect(pullBytes(run)).toEqual({ current: 100, total: 100, fraction: 1 });
    const unsized = feed(startPull('a:1'), event('running', { layers: layers(['l1', 5, 0]) }));
    expect(pullBytes(unsized).fraction).toBeUndefined();
  });

  it('ends full with the image id the call answers, whatever the last event said', () => {
    const run = finishPull(
      feed(startPull('a:1'), event('running', { layers: layers(['l1', 40, 100], ['l2', 0, 0]) })),
      'sha256:abc',
    );
    expect(run).toMatchObject({ state: 'done', imageId: 'sha256:abc' });
    expect(pullBytes(run)).toMatchObject({ current: 100, total: 100, fraction: 1 });
  });

  it('fails with the core’s sentence, from the event or from the call', () => {
    const byEvent = feed(
      startPull('a:1'),
      event('failed', { message: 'Airlock could not reach the registry.' }),
    );
    expect(byEvent).toMatchObject({ state: 'failed', error: 'Airlock could not reach the registry.' });
    expect(pullBelongs(byEvent, event('running'))).toBe(false);
    const byCall = failPull(feed(startPull('a:1'), event('running')), 'The registry has no image a:1.');
    expect(byCall).toMatchObject({
      state: 'failed',
      error: 'The registry has no image a:1.',
      imageId: undefined,
    });
  });

  it('shortens layer ids as Docker shows them', () => {
    expect(shortLayer('sha256:0123456789abcdef')).toBe('0123456789ab');
    expect(shortLayer('a1b2c3')).toBe('a1b2c3');
  });
});
