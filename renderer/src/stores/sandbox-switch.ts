// A level switch as the window follows it: one entry per step of the contract's
// switchSteps, fed by sandbox.progress events for one operation, then settled
// by the outcome setLevel resolves with. Pure functions, so tests need no api.
import {
  switchSteps,
  type SandboxProgress,
  type SwitchOutcome,
  type SwitchStep,
} from '../../../shared/sandbox-contract';

export { switchSteps, type SwitchStep };

export type StepState = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

export interface StepView {
  step: SwitchStep;
  state: StepState;
  /** The core's last word on this step, when it gave one. */
  message?: string;
}

export interface SwitchRun {
  /** Unknown until the first progress event: setLevel only answers when the switch is over. */
  operationId?: string;
  /** The level asked for; unknown when another window started the switch. */
  level?: number;
  steps: StepView[];
  rollback: 'none' | 'running' | 'done' | 'failed';
  finished: boolean;
}

export function startRun(level?: number, operationId?: string): SwitchRun {
  return {
    operationId,
    level,
    steps: switchSteps.map((step) => ({ step, state: 'pending' })),
    rollback: 'none',
    finished: false,
  };
}

const isSwitchStep = (step: string): step is SwitchStep => (switchSteps as readonly string[]).includes(step);

/** Whether an event is news for this run: a switch event, for its operation (or the first one seen). */
export function belongsTo(run: SwitchRun, event: SandboxProgress): boolean {
  if (run.finished || event.kind !== 'switch') return false;
  return run.operationId === undefined || run.operationId === event.operationId;
}

const settle = (state: StepState): StepState => (state === 'pending' || state === 'running' ? 'done' : state);

export function applyProgress(run: SwitchRun, event: SandboxProgress): SwitchRun {
  const next: SwitchRun = { ...run, operationId: run.operationId ?? event.operationId };
  if (event.state === 'rolling_back') return { ...next, rollback: 'running' };
  if (event.state === 'rolled_back') return { ...next, rollback: 'done' };
  // The core names the rollback itself as a step; when that fails, nothing was put back.
  if (event.step === 'rollback') return event.state === 'failed' ? { ...next, rollback: 'failed' } : next;
  if (!isSwitchStep(event.step)) return next;
  const state = event.state; // narrowed to running, done or failed, also inside the map below
  const index = switchSteps.indexOf(event.step);
  next.steps = run.steps.map((view, i) => {
    // Steps are strictly ordered: news of a later step means the earlier ones ended well,
    // even if their own "done" event was missed.
    if (i < index) return { ...view, state: settle(view.state) };
    if (i > index) return view;
    const message = event.message ?? view.message;
    if (state === 'running')
      return { ...view, state: view.state === 'pending' ? 'running' : view.state, message };
    return { ...view, state, message };
  });
  return next;
}

/** The outcome is the truth: it names the failed step even if its event never arrived. */
export function finishRun(run: SwitchRun, outcome: SwitchOutcome): SwitchRun {
  const done: SwitchRun = { ...run, operationId: run.operationId ?? outcome.operationId, finished: true };
  if (outcome.outcome === 'switched') {
    return { ...done, steps: run.steps.map((view) => ({ ...view, state: 'done' })) };
  }
  let failedAt = outcome.failedStep ? switchSteps.indexOf(outcome.failedStep) : -1;
  if (failedAt < 0)
    failedAt = run.steps.findIndex((view) => view.state === 'failed' || view.state === 'running');
  return {
    ...done,
    rollback:
      outcome.outcome === 'rolled_back' ? 'done' : run.rollback === 'running' ? 'failed' : run.rollback,
    steps: run.steps.map((view, i) => {
      if (failedAt < 0) return view.state === 'running' ? { ...view, state: 'failed' } : view;
      if (i < failedAt) return { ...view, state: settle(view.state) };
      if (i === failedAt) return { ...view, state: 'failed' };
      return { ...view, state: view.state === 'done' ? 'done' : 'skipped' };
    }),
  };
}

/** 0 to 1, for the progress bar: finished steps over all steps. */
export function progressOf(run: SwitchRun): number {
  if (run.finished) return 1;
  return run.steps.filter((view) => view.state === 'done').length / run.steps.length;
}
