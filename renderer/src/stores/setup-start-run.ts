// One "Start safe chat" run as the window follows it: each step's state from
// setup.progress events, and how it ended. Pure, so it is tested without a core.
import type { EventPayload } from '../../../shared/contract';
import { safeChatSteps, type SafeChatResult, type SafeChatStep } from '../../../shared/setup-contract';

type Progress = EventPayload<'setup.progress'>;
export type StepState = 'waiting' | Progress['state'];

export interface SafeChatRun {
  operationId?: string;
  status: 'running' | 'done' | 'failed';
  steps: Record<SafeChatStep, { state: StepState; message?: string }>;
  result?: SafeChatResult;
  failure?: { step: SafeChatStep; message: string; dockerMissing: boolean };
}

export function startRun(): SafeChatRun {
  const steps = Object.fromEntries(
    safeChatSteps.map((step) => [step, { state: 'waiting' }]),
  ) as SafeChatRun['steps'];
  return { status: 'running', steps };
}

/** Events of another run (a second window's) are ignored once this run knows its id. */
export function applyProgress(run: SafeChatRun, event: Progress): SafeChatRun {
  if (run.status !== 'running') return run;
  if (run.operationId && run.operationId !== event.operationId) return run;
  const steps = {
    ...run.steps,
    [event.step]: { state: event.state, ...(event.message ? { message: event.message } : {}) },
  };
  const next: SafeChatRun = { ...run, operationId: event.operationId, steps };
  if (event.state === 'failed') {
    return {
      ...next,
      status: 'failed',
      failure: {
        step: event.step,
        message: event.message ?? '',
        dockerMissing: event.reason === 'docker_missing',
      },
    };
  }
  if (event.result) return { ...next, status: 'done', result: event.result };
  return next;
}

/** The call itself failed (the core refused it, or the connection dropped). */
export function failRun(run: SafeChatRun, message: string): SafeChatRun {
  return { ...run, status: 'failed', failure: { step: 'docker', message, dockerMissing: false } };
}
