import { describe, expect, it } from 'vitest';
import { applyProgress, failRun, startRun } from './setup-start-run';

const at = 1;

describe('a Start safe chat run as the window follows it', () => {
  it('walks the steps and ends done with the result', () => {
    let run = startRun();
    expect(run.steps.docker.state).toBe('waiting');
    run = applyProgress(run, { operationId: 'a', step: 'docker', state: 'running', at });
    run = applyProgress(run, { operationId: 'a', step: 'docker', state: 'done', at });
    run = applyProgress(run, { operationId: 'a', step: 'runtime', state: 'running', at });
    expect(run).toMatchObject({ operationId: 'a', status: 'running' });
    expect(run.steps.runtime.state).toBe('running');
    const result = {
      runtime: 'sandbox' as const,
      level: 2,
      image: 'airlock-engine:x',
      model: 'airlock-demo:latest',
    };
    run = applyProgress(run, { operationId: 'a', step: 'model', state: 'done', at, result });
    expect(run).toMatchObject({ status: 'done', result });
  });

  it('keeps the core’s sentence and says when Docker is missing', () => {
    const run = applyProgress(startRun(), {
      operationId: 'a',
      step: 'docker',
      state: 'failed',
      at,
      reason: 'docker_missing',
      message: 'Docker is not running.',
    });
    expect(run.failure).toEqual({ step: 'docker', message: 'Docker is not running.', dockerMissing: true });
    // A late event of the same run cannot revive it.
    expect(applyProgress(run, { operationId: 'a', step: 'runtime', state: 'running', at })).toBe(run);
  });

  it('ignores another run’s events once it knows its own id', () => {
    const run = applyProgress(startRun(), { operationId: 'a', step: 'docker', state: 'running', at });
    expect(applyProgress(run, { operationId: 'b', step: 'docker', state: 'failed', at })).toBe(run);
  });

  it('fails with the call’s own sentence when the core refused the call', () => {
    expect(failRun(startRun(), 'Only a parent can do that.').failure?.message).toBe(
      'Only a parent can do that.',
    );
  });
});
