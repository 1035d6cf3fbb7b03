// Runtime images as this window handles them: one download at a time,
// followed layer by layer through sandbox.progress, and one load from a
// `docker save` file. Failures stay in place as the core's sentence, beside
// the field that caused them, rather than as toasts that fade.
import { create } from 'zustand';
import { errorSentence, getApi } from '../api';
import { applyPullEvent, failPull, finishPull, pullBelongs, startPull, type PullRun } from './image-pull';

export interface LoadRun {
  path: string;
  state: 'running' | 'done' | 'failed';
  /** What the file held, as the engine named them ("name:tag", or "sha256:…" when untagged). */
  images?: string[];
  error?: string;
}

interface ImageState {
  pull?: PullRun;
  load?: LoadRun;
  /** Resolves once the download has ended, well or not; the store holds the result. */
  pullImage: (image: string) => Promise<void>;
  loadImage: (path: string) => Promise<void>;
}

export const useImages = create<ImageState>()((set, get) => ({
  async pullImage(image) {
    if (get().pull?.state === 'running') return;
    set({ pull: startPull(image) });
    const api = getApi();
    // Listen only while this download runs: the core sends every event before its answer.
    const stop = api.on('sandbox.progress', (event) => {
      const run = get().pull;
      if (run && pullBelongs(run, event)) set({ pull: applyPullEvent(run, event) });
    });
    try {
      const { imageId } = await api.call('sandbox.pullImage', { image });
      const run = get().pull;
      if (run) set({ pull: finishPull(run, imageId) });
    } catch (error) {
      const run = get().pull;
      if (run) set({ pull: failPull(run, errorSentence(error)) });
    } finally {
      stop();
    }
  },

  async loadImage(path) {
    if (get().load?.state === 'running') return;
    set({ load: { path, state: 'running' } });
    try {
      const { images } = await getApi().call('sandbox.loadImage', { path });
      set({ load: { path, state: 'done', images } });
    } catch (error) {
      set({ load: { path, state: 'failed', error: errorSentence(error) } });
    }
  },
}));
