import { describe, expect, it } from 'vitest';
import type { ModelsProgress } from '../../../shared/models-contract';
import { applyProgress, failRun, named, runFraction, sourceLabel, startRun } from './models-store-import';

const event = (over: Partial<ModelsProgress>): ModelsProgress => ({
  operationId: 'op-1',
  phase: 'hashing',
  bytes: 0,
  ...over,
});

describe('an import run', () => {
  it('keeps events that come before its id, then catches up on its own only', () => {
    let run = startRun('tiny.gguf', false);
    run = applyProgress(run, event({ bytes: 10, totalBytes: 40 }));
    run = applyProgress(run, event({ operationId: 'someone-else', bytes: 99 }));
    expect(run.bytes).toBe(0);
    run = named(run, 'op-1');
    expect(run).toMatchObject({ operationId: 'op-1', bytes: 10, totalBytes: 40, early: [] });
    expect(runFraction(run)).toBe(0.25);
    run = applyProgress(run, event({ operationId: 'someone-else', bytes: 39 }));
    expect(run.bytes).toBe(10);
  });

  it('ends with the entry, or with the refusal as the core worded it', () => {
    const running = named(startRun('tiny.gguf', false), 'op-1');
    const scanning = applyProgress(running, event({ phase: 'scanning', bytes: 40, totalBytes: 40 }));
    expect(runFraction(scanning)).toBeUndefined();
    const failed = applyProgress(
      scanning,
      event({
        phase: 'failed',
        bytes: 40,
        message: 'expected a, found b.',
        error: { code: 'invalid_input', reason: 'DIGEST_MISMATCH', message: 'expected a, found b.' },
      }),
    );
    expect(failed).toMatchObject({
      state: 'failed',
      error: 'expected a, found b.',
      reason: 'DIGEST_MISMATCH',
    });
    // Nothing moves a run that has ended.
    expect(applyProgress(failed, event({ phase: 'done', bytes: 40 }))).toBe(failed);
    expect(failRun(running, 'No.', 'NAME_TAKEN')).toMatchObject({ state: 'failed', reason: 'NAME_TAKEN' });
  });

  it('labels a source by its base name or its address without the query', () => {
    expect(sourceLabel({ path: '/home/a/models/tiny.gguf' })).toBe('tiny.gguf');
    expect(sourceLabel({ url: 'https://hf.co/x/m.gguf?token=secret' })).toBe('hf.co/x/m.gguf');
    expect(startRun('x', true).phase).toBe('downloading');
  });
});
