import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { pullBytes } from './image-pull';
import { useImages } from './image-store';
import { fakeApi } from './testing/fake-api';

const pullEvent = (state: string, layers?: { id: string; current: number; total: number }[]) => ({
  operationId: 'op1',
  kind: 'pull',
  step: 'pull',
  state,
  at: 1,
  ...(layers ? { layers } : {}),
});

beforeEach(() => useImages.setState({ pull: undefined, load: undefined }));

describe('image store', () => {
  it('follows its download layer by layer, then stops listening with the image id', async () => {
    let finish!: (value: unknown) => void;
    const fake = fakeApi({ 'sandbox.pullImage': () => new Promise((resolve) => (finish = resolve)) });
    const done = useImages.getState().pullImage('a:1');
    expect(fake.call).toHaveBeenCalledWith('sandbox.pullImage', { image: 'a:1' });
    expect(fake.listening()).toBe(1);
    // A second press while it runs starts nothing.
    void useImages.getState().pullImage('b:1');
    expect(fake.call).toHaveBeenCalledTimes(1);

    fake.push(pullEvent('running'));
    fake.push(pullEvent('running', [{ id: 'l1', current: 25, total: 100 }]));
    fake.push({ ...pullEvent('running', [{ id: 'x', current: 1, total: 1 }]), operationId: 'other' });
    expect(pullBytes(useImages.getState().pull!)).toMatchObject({ current: 25, total: 100 });

    fake.push(pullEvent('done'));
    finish({ image: 'a:1', imageId: 'sha256:abc' });
    await done;
    expect(useImages.getState().pull).toMatchObject({ state: 'done', imageId: 'sha256:abc', image: 'a:1' });
    expect(fake.listening()).toBe(0);
  });

  it('keeps the core’s sentence when the download fails', async () => {
    const sentence = 'Airlock could not reach the registry for 127.0.0.1:9/airlock/none:1.';
    const fake = fakeApi({
      'sandbox.pullImage': () => Promise.reject(new ApiError('unavailable', sentence)),
    });
    await useImages.getState().pullImage('127.0.0.1:9/airlock/none:1');
    expect(useImages.getState().pull).toMatchObject({ state: 'failed', error: sentence });
    expect(fake.listening()).toBe(0);
  });

  it('loads a file and lists what it held, or keeps the sentence for why not', async () => {
    let fail = false;
    const fake = fakeApi({
      'sandbox.loadImage': () =>
        fail
          ? Promise.reject(new ApiError('not_found', 'There is no file at /nope.tar.'))
          : Promise.resolve({ images: ['a:1', 'b:2'] }),
    });
    await useImages.getState().loadImage('/srv/a.tar');
    expect(fake.call).toHaveBeenCalledWith('sandbox.loadImage', { path: '/srv/a.tar' });
    expect(useImages.getState().load).toEqual({ path: '/srv/a.tar', state: 'done', images: ['a:1', 'b:2'] });
    fail = true;
    await useImages.getState().loadImage('/nope.tar');
    expect(useImages.getState().load).toEqual({
      path: '/nope.tar',
      state: 'failed',
      error: 'There is no file at /nope.tar.',
    });
  });

  it('a failure that is not the core’s still reads as a sentence', async () => {
    fakeApi({ 'sandbox.loadImage': () => Promise.reject(new Error('at x.js:1')) });
    await useImages.getState().loadImage('/a.tar');
    expect(useImages.getState().load?.error).toBe('Something went wrong. Please try again.');
  });
});
