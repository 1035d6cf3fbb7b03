import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { useModels } from './models-store';
import { fakeApi } from './testing/fake-api';

const entry = {
  id: 'm1',
  name: 'tiny:latest',
  fileName: 'tiny.gguf',
  source: { kind: 'file', label: 'tiny.gguf' },
  sha256: 'a'.repeat(64),
  size: 10,
  format: 'gguf',
  templateVerdict: 'safe',
  scan: { verdict: 'passed', findings: [] },
  importedAt: 1,
  importedBy: 'admin',
};
const request = { path: '/m/tiny.gguf', sha256: 'a'.repeat(64) };

beforeEach(() =>
  useModels.setState({ models: undefined, run: undefined, loadError: undefined, canManage: false }),
);

describe('models store', () => {
  it('follows its import from events that may come before the id, then reloads the inventory', async () => {
    let answer!: (value: unknown) => void;
    const fake = fakeApi({
      'models.import': () => new Promise((resolve) => (answer = resolve)),
      'models.inventory': () => Promise.resolve({ models: [entry], canManage: true }),
    });
    const done = useModels.getState().startImport(request);
    expect(fake.listening()).toBe(1);
    fake.push({ operationId: 'op1', phase: 'hashing', bytes: 5, totalBytes: 10 });
    expect(useModels.getState().run).toMatchObject({ state: 'running', bytes: 0 });
    answer({ operationId: 'op1' });
    await vi.waitFor(() => expect(useModels.getState().run).toMatchObject({ operationId: 'op1', bytes: 5 }));
    fake.push({ operationId: 'other', phase: 'done', bytes: 1 });
    expect(useModels.getState().run?.state).toBe('running');
    fake.push({ operationId: 'op1', phase: 'done', bytes: 10, totalBytes: 10, entry });
    await done;
    expect(useModels.getState()).toMatchObject({
      run: { state: 'done', entry },
      models: [entry],
      canManage: true,
    });
    expect(fake.listening()).toBe(0);
  });

  it("keeps a refusal in place as the core's sentence with its reason", async () => {
    fakeApi({
      'models.import': () =>
        Promise.reject(
          new ApiError('conflict', 'This model is already in the inventory as tiny:latest.', {
            reason: 'ALREADY_IMPORTED',
          }),
        ),
    });
    await useModels.getState().startImport(request);
    expect(useModels.getState().run).toMatchObject({
      state: 'failed',
      error: 'This model is already in the inventory as tiny:latest.',
      reason: 'ALREADY_IMPORTED',
    });
  });

  it('deletes and reloads, or answers the sentence that refused it', async () => {
    let refuse = true;
    fakeApi({
      'models.delete': () =>
        refuse
          ? Promise.reject(new ApiError('conflict', 'tiny:latest is answering a chat right now.'))
          : Promise.resolve({ deleted: true }),
      'models.inventory': () => Promise.resolve({ models: [], canManage: true }),
    });
    useModels.setState({ models: [entry as never] });
    expect(await useModels.getState().deleteModel('m1')).toBe('tiny:latest is answering a chat right now.');
    expect(useModels.getState().models).toHaveLength(1);
    refuse = false;
    expect(await useModels.getState().deleteModel('m1')).toBeUndefined();
    expect(useModels.getState().models).toEqual([]);
  });
});
