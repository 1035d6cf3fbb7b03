import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SandboxStatus, SwitchOutcome, VerifyReport } from '../../../shared/sandbox-contract';
import { ApiError, setApi, type Api } from '../api';
import { useSandbox } from './sandbox-store';
import { useToasts } from './toast-store';

const status = (level: number, state: SandboxStatus['state'] = 'running'): SandboxStatus => ({
  state,
  settings: { level, image: 'img:1', memoryMb: 4096, cpus: 2, gpu: false, port: 41000, volume: 'models' },
  container: {
    id: 'c'.repeat(64),
    name: 'airlock-runtime',
    image: 'img:1',
    imageId: `sha256:${'a'.repeat(64)}`,
    level,
    memoryBytes: 0,
    nanoCpus: 0,
    pidsLimit: 0,
  },
  endpoint: 'http://127.0.0.1:41000',
});

const report = (level: number): VerifyReport => ({
  level,
  containerId: 'c',
  checkedAt: 5,
  rows: [{ threat: 'host_files', status: 'verified', evidence: 'no mounts', checks: [] }],
});

/** A fake api: calls answer from `answers`, events are pushed by the test. */
function fakeApi(answers: Record<string, (input: unknown) => Promise<unknown>>) {
  const events = new Map<string, (payload: unknown) => void>();
  const call = vi.fn((name: string, input: unknown) => answers[name]!(input));
  setApi({
    call,
    on: (event: string, listener: (payload: unknown) => void) => {
      events.set(event, listener);
      return () => void events.delete(event);
    },
    connection: { get: () => 'open', subscribe: () => () => undefined },
  } as unknown as Api);
  return { call, push: (event: string, payload: unknown) => events.get(event)?.(payload) };
}

/** What the last sandbox.setLevel call sent (a status read follows each one). */
const lastSwitch = (call: { mock: { calls: unknown[][] } }) =>
  call.mock.calls.filter(([name]) => name === 'sandbox.setLevel').at(-1)?.[1];

const progress = (step: string, state: string, operationId = 'op1') => ({
  operationId,
  kind: 'switch',
  step,
  state,
  at: 1,
});

beforeEach(() => {
  useSandbox.setState({
    status: undefined,
    statusError: undefined,
    report: undefined,
    verifying: false,
    run: undefined,
    outcome: undefined,
    previousLevel: undefined,
    logs: undefined,
    logsLoading: false,
    logsError: undefined,
    pending: undefined,
    nextImage: undefined,
  });
  useToasts.setState({ toasts: [] });
});

describe('sandbox store', () => {
  it('reads the status, then follows pushes until stopped', async () => {
    const fake = fakeApi({ 'sandbox.status': () => Promise.resolve(status(1)) });
    const stop = useSandbox.getState().follow();
    await vi.waitFor(() => expect(useSandbox.getState().status?.settings.level).toBe(1));
    fake.push('sandbox.status', status(2));
    expect(useSandbox.getState().status?.settings.level).toBe(2);
    stop();
    fake.push('sandbox.status', status(3));
    expect(useSandbox.getState().status?.settings.level).toBe(2);
  });

  it('shows a first status failure in place, as a sentence', async () => {
    fakeApi({
      'sandbox.status': () => Promise.reject(new ApiError('unavailable', 'Docker is not running.')),
    });
    await useSandbox.getState().loadStatus();
    expect(useSandbox.getState().statusError).toBe('Docker is not running.');
    expect(useToasts.getState().toasts).toEqual([]);
  });

  it('follows its own switch step by step, then settles on the outcome', async () => {
    let finish!: (outcome: SwitchOutcome) => void;
    let level = 1;
    const fake = fakeApi({
      'sandbox.status': () => Promise.resolve(status(level)),
      'sandbox.setLevel': () => new Promise((resolve) => (finish = resolve)),
    });
    const stop = useSandbox.getState().follow();
    await vi.waitFor(() => expect(useSandbox.getState().status).toBeDefined());

    const done = useSandbox.getState().setLevel({ level: 3, port: 41001 });
    expect(fake.call).toHaveBeenCalledWith('sandbox.setLevel', { level: 3, port: 41001 });
    expect(useSandbox.getState()).toMatchObject({ previousLevel: 1, run: { level: 3, finished: false } });

    fake.push('sandbox.progress', progress('prepare', 'running'));
    fake.push('sandbox.progress', progress('create', 'running'));
    fake.push('sandbox.progress', progress('create', 'running', 'other-op'));
    fake.push('sandbox.progress', { ...progress('x', 'running', 'op1'), kind: 'pull' });
    const run = useSandbox.getState().run!;
    expect(run.operationId).toBe('op1');
    expect(run.steps.slice(0, 3).map((s) => s.state)).toEqual(['done', 'running', 'pending']);

    level = 3;
    finish({
      operationId: 'op1',
      outcome: 'switched',
      level: 3,
      message: 'ok',
      report: report(3),
      durationMs: 9,
    });
    await expect(done).resolves.toMatchObject({ outcome: 'switched' });
    expect(useSandbox.getState()).toMatchObject({
      run: { finished: true },
      outcome: { outcome: 'switched' },
      report: { level: 3 },
      status: { settings: { level: 3 } },
    });

    // A late event for the finished switch starts nothing.
    fake.push('sandbox.progress', progress('remove_old', 'done'));
    expect(useSandbox.getState().run?.finished).toBe(true);
    stop();
  });

  it('keeps the running report after a rollback, and names what still runs', async () => {
    fakeApi({
      'sandbox.status': () => Promise.resolve(status(1)),
      'sandbox.setLevel': () =>
        Promise.resolve({
          operationId: 'op2',
          outcome: 'rolled_back',
          level: 3,
          failedStep: 'move',
          message: 'The port is in use.',
          report: report(3),
          durationMs: 9,
        }),
    });
    useSandbox.setState({ status: status(1), report: report(1) });
    await useSandbox.getState().setLevel({ level: 3 });
    expect(useSandbox.getState()).toMatchObject({
      previousLevel: 1,
      report: { level: 1 },
      outcome: { outcome: 'rolled_back', failedStep: 'move' },
    });
    expect(useSandbox.getState().run?.steps.find((s) => s.step === 'move')?.state).toBe('failed');
    useSandbox.getState().dismissOutcome();
    expect(useSandbox.getState()).toMatchObject({ outcome: undefined, run: undefined });
  });

  it('a refused switch becomes a toast and leaves no run behind', async () => {
    fakeApi({
      'sandbox.status': () => Promise.resolve(status(1)),
      'sandbox.setLevel': () => Promise.reject(new ApiError('conflict', 'A switch is already running.')),
    });
    await expect(useSandbox.getState().setLevel({ level: 2 })).resolves.toBeUndefined();
    expect(useSandbox.getState().run).toBeUndefined();
    expect(useToasts.getState().toasts).toMatchObject([
      { tone: 'error', message: 'A switch is already running.' },
    ]);
  });

  it('sends the image chosen for the next switch, and uses it up once it is in force', async () => {
    const answers: SwitchOutcome['outcome'][] = ['rolled_back', 'switched', 'switched'];
    const fake = fakeApi({
      'sandbox.status': () => Promise.resolve(status(1)),
      'sandbox.setLevel': () =>
        Promise.resolve({
          operationId: 'op',
          outcome: answers.shift()!,
          level: 2,
          message: 'm',
          durationMs: 1,
        }),
    });
    useSandbox.getState().chooseImage('loaded:1');
    // A rollback keeps the choice, so Apply can try it again.
    await useSandbox.getState().setLevel({ level: 2 });
    expect(lastSwitch(fake.call)).toEqual({ level: 2, image: 'loaded:1' });
    expect(useSandbox.getState().nextImage).toBe('loaded:1');
    await useSandbox.getState().setLevel({ level: 2, memoryMb: 512 });
    expect(lastSwitch(fake.call)).toEqual({
      level: 2,
      memoryMb: 512,
      image: 'loaded:1',
    });
    expect(useSandbox.getState().nextImage).toBeUndefined();
    // With no choice, a switch sends no image: the core keeps the saved one.
    await useSandbox.getState().setLevel({ level: 1 });
    expect(lastSwitch(fake.call)).toEqual({ level: 1 });
  });

  it('an image named in the input wins over the chosen one; choosing nothing gives the choice back', async () => {
    const fake = fakeApi({
      'sandbox.status': () => Promise.resolve(status(1)),
      'sandbox.setLevel': () =>
        Promise.resolve({ operationId: 'op', outcome: 'failed', level: 2, message: 'm', durationMs: 1 }),
    });
    useSandbox.getState().chooseImage('loaded:1');
    await useSandbox.getState().setLevel({ level: 2, image: 'other:2' });
    expect(lastSwitch(fake.call)).toEqual({ level: 2, image: 'other:2' });
    useSandbox.getState().chooseImage(undefined);
    expect(useSandbox.getState().nextImage).toBeUndefined();
  });

  it('follows a switch another window started', () => {
    const fake = fakeApi({ 'sandbox.status': () => Promise.resolve(status(1)) });
    const stop = useSandbox.getState().follow();
    fake.push('sandbox.progress', progress('start', 'running', 'elsewhere'));
    expect(useSandbox.getState().run).toMatchObject({ operationId: 'elsewhere', level: undefined });
    stop();
  });

  it('verifies once at a time, and a failure is a toast', async () => {
    let fail = false;
    const fake = fakeApi({
      'sandbox.verify': () =>
        fail
          ? Promise.reject(new ApiError('unavailable', 'No sandbox is running.'))
          : Promise.resolve(report(2)),
    });
    const first = useSandbox.getState().verify();
    void useSandbox.getState().verify();
    await first;
    expect(fake.call).toHaveBeenCalledTimes(1);
    expect(useSandbox.getState()).toMatchObject({ verifying: false, report: { level: 2 } });
    fail = true;
    await useSandbox.getState().verify();
    expect(useSandbox.getState().report?.level).toBe(2);
    expect(useToasts.getState().toasts[0]?.message).toBe('No sandbox is running.');
  });

  it('loads logs with a tail, and says why when it cannot', async () => {
    let fail = false;
    const fake = fakeApi({
      'sandbox.logs': () =>
        fail ? Promise.reject(new Error('boom at x.js')) : Promise.resolve({ lines: ['a', 'b'] }),
    });
    await useSandbox.getState().loadLogs();
    expect(fake.call).toHaveBeenCalledWith('sandbox.logs', { tail: 200 });
    expect(useSandbox.getState()).toMatchObject({ logs: ['a', 'b'], logsLoading: false });
    fail = true;
    await useSandbox.getState().loadLogs(50);
    expect(useSandbox.getState().logsError).toBe('Something went wrong. Please try again.');
  });

  it('stops and starts, taking the status each answers with', async () => {
    const fake = fakeApi({
      'sandbox.stop': () => Promise.resolve(status(2, 'stopped')),
      'sandbox.start': () => Promise.resolve(status(2, 'running')),
    });
    await useSandbox.getState().stop();
    expect(useSandbox.getState()).toMatchObject({ pending: undefined, status: { state: 'stopped' } });
    await useSandbox.getState().start();
    expect(useSandbox.getState().status?.state).toBe('running');
    expect(fake.call.mock.calls.map(([name]) => name)).toEqual(['sandbox.stop', 'sandbox.start']);
    expect(useToasts.getState().toasts.map((toast) => toast.tone)).toEqual(['info', 'info']);
  });
});
