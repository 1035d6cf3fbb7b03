// "Check files now" in the models store: it counts flagged models, not copies
// (a model changed on the host and in the sandbox is one), reloads the
// inventory so the cards show their flags, and keeps the core's sentence
// when the check is refused.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setApi, type Api } from '../api';
import { useModels } from './models-store';

function fakeApi(answers: Record<string, (input: unknown) => Promise<unknown>>) {
  const call = vi.fn((name: string, input: unknown) => answers[name]!(input));
  setApi({
    call,
    on: () => () => undefined,
    connection: { get: () => 'open', subscribe: () => () => undefined },
  } as unknown as Api);
  return call;
}

const result = (id: string, status: string, where: string) => ({
  id,
  name: `${id}:latest`,
  status,
  expected: 'a'.repeat(64),
  where,
});

beforeEach(() => useModels.setState({ models: undefined, check: undefined, canManage: true }));

describe('models store: check files', () => {
  it('counts each flagged model once and reloads the inventory', async () => {
    const call = fakeApi({
      'models.verify': () =>
        Promise.resolve({
          checkedAt: 1,
          results: [
            result('m1', 'changed', 'host'),
            result('m1', 'changed', 'sandbox'),
            result('m2', 'ok', 'host'),
            result('m3', 'missing', 'host'),
          ],
        }),
      'models.inventory': () => Promise.resolve({ models: [], canManage: true }),
    });
    await useModels.getState().checkFiles();
    expect(useModels.getState().check).toEqual({ state: 'done', flagged: 2 });
    expect(call.mock.calls.map(([name]) => name)).toEqual(['models.verify', 'models.inventory']);
  });

  it("keeps the core's sentence when the check fails", async () => {
    fakeApi({
      'models.verify': () =>
        Promise.reject(new ApiError('forbidden', 'Only a parent can check the model files.')),
      'models.inventory': () => Promise.resolve({ models: [], canManage: false }),
    });
    await useModels.getState().checkFiles();
    expect(useModels.getState().check).toEqual({
      state: 'failed',
      message: 'Only a parent can check the model files.',
    });
  });
});
