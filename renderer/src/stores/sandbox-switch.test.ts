import { describe, expect, it } from 'vitest';
import type { SandboxProgress, SwitchOutcome } from '../../../shared/sandbox-contract';
import { applyProgress, belongsTo, finishRun, progressOf, startRun, type SwitchRun } from './sandbox-switch';

const event = (step: string, state: SandboxProgress['state'], extra: Partial<SandboxProgress> = {}) =>
  ({ operationId: 'op1', kind: 'switch', step, state, at: 1, ...extra }) satisfies SandboxProgress;

const outcome = (extra: Partial<SwitchOutcome>): SwitchOutcome => ({
  operationId: 'op1',
  outcome: 'switched',
  level: 3,
  message: 'ok',
  durationMs: 10,
  ...extra,
});

const states = (run: SwitchRun) => run.steps.map((view) => view.state);
const feed = (run: SwitchRun, ...events: SandboxProgress[]) => events.reduce(applyProgress, run);

describe('a switch run', () => {
  it('starts with every contract step pending, in order', () => {
    const run = startRun(3);
    expect(run.steps.map((view) => view.step)).toEqual([
      'prepare',
      'create',
      'start',
      'ready',
      'verify',
      'move',
      'remove_old',
    ]);
    expect(new Set(states(run))).toEqual(new Set(['pending']));
    expect(progressOf(run)).toBe(0);
  });

  it('adopts the operation of its first event and then ignores others', () => {
    const run = applyProgress(startRun(3), event('prepare', 'running'));
    expect(run.operationId).toBe('op1');
    expect(belongsTo(run, event('create', 'running'))).toBe(true);
    expect(belongsTo(run, event('create', 'running', { operationId: 'op2' }))).toBe(false);
    expect(belongsTo(run, event('create', 'running', { kind: 'pull' }))).toBe(false);
    expect(belongsTo({ ...run, finished: true }, event('create', 'running'))).toBe(false);
  });

  it('marks steps running and done, with their messages', () => {
    const run = feed(
      startRun(3),
      event('prepare', 'running'),
      event('prepare', 'done'),
      event('create', 'running', { message: 'creating airlock-runtime-2' }),
    );
    expect(states(run).slice(0, 3)).toEqual(['done', 'running', 'pending']);
    expect(run.steps[1]?.message).toBe('creating airlock-runtime-2');
    expect(progressOf(run)).toBeCloseTo(1 / 7);
  });

  it('settles earlier steps when a later one starts, even if their events were missed', () => {
    const run = feed(startRun(3), event('prepare', 'running'), event('ready', 'running'));
    expect(states(run).slice(0, 5)).toEqual(['done', 'done', 'done', 'running', 'pending']);
  });

  it('ignores steps it does not know, and does not move a finished step back to running', () => {
    const run = feed(
      startRun(3),
      event('prepare', 'done'),
      event('prepare', 'running'),
      event('mystery', 'failed'),
    );
    expect(states(run)[0]).toBe('done');
    expect(run.steps.some((view) => view.state === 'failed')).toBe(false);
  });

  it('follows a rollback', () => {
    let run = feed(
      startRun(3),
      event('move', 'failed', { message: 'port is busy' }),
      event('move', 'rolling_back'),
    );
    expect(run.rollback).toBe('running');
    expect(states(run)).toEqual(['done', 'done', 'done', 'done', 'done', 'failed', 'pending']);
    run = applyProgress(run, event('rollback', 'rolled_back'));
    expect(run.rollback).toBe('done');
  });

  it('says so when the rollback itself fails', () => {
    let run = feed(startRun(3), event('start', 'failed'), event('rollback', 'rolling_back'));
    run = applyProgress(run, event('rollback', 'failed', { message: 'old container is gone' }));
    expect(run.rollback).toBe('failed');
    expect(states(run)[2]).toBe('failed');
    // Even if that event was missed, an outcome of "failed" after a rollback began means it failed.
    const missed = feed(startRun(3), event('start', 'failed'), event('rollback', 'rolling_back'));
    expect(finishRun(missed, outcome({ outcome: 'failed', failedStep: 'start' })).rollback).toBe('failed');
  });

  it('finishes a switch with every step done', () => {
    const run = finishRun(feed(startRun(3), event('verify', 'running')), outcome({}));
    expect(new Set(states(run))).toEqual(new Set(['done']));
    expect(run.finished).toBe(true);
    expect(progressOf(run)).toBe(1);
  });

  it('takes the failed step from the outcome, and marks later steps not run', () => {
    const run = finishRun(
      feed(startRun(3), event('create', 'running')),
      outcome({ outcome: 'rolled_back', failedStep: 'start' }),
    );
    expect(states(run)).toEqual(['done', 'done', 'failed', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(run.rollback).toBe('done');
  });

  it('without a failed step, the running step is the one that failed', () => {
    const run = finishRun(feed(startRun(3), event('ready', 'running')), outcome({ outcome: 'failed' }));
    expect(states(run)).toEqual(['done', 'done', 'done', 'failed', 'skipped', 'skipped', 'skipped']);
    expect(run.rollback).toBe('none');
  });

  it('takes the operation id from the outcome when no event came', () => {
    expect(finishRun(startRun(2), outcome({ operationId: 'op9' })).operationId).toBe('op9');
  });
});
