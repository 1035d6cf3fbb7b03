// An image download as the window follows it: the layers' bytes from the
// core's sandbox.progress events (kind "pull"), then settled by what
// sandbox.pullImage resolves or throws. Pure functions, so tests need no api.
import type { SandboxProgress } from '../../../shared/sandbox-contract';

export interface LayerView {
  id: string;
  current: number;
  /** 0 until the registry says how big the layer is. */
  total: number;
}

export interface PullRun {
  image: string;
  /** Unknown until the first event: pullImage only answers when the download is over. */
  operationId?: string;
  state: 'running' | 'done' | 'failed';
  layers: LayerView[];
  /** The engine's id of the downloaded image, once done. */
  imageId?: string;
  /** The core's sentence, once failed. */
  error?: string;
}

export function startPull(image: string): PullRun {
  return { image, state: 'running', layers: [] };
}

/** Whether an event is news for this download: a pull event, for its operation (or the first one seen). */
export function pullBelongs(run: PullRun, event: SandboxProgress): boolean {
  if (run.state !== 'running' || event.kind !== 'pull') return false;
  return run.operationId === undefined || run.operationId === event.operationId;
}

/**
 * Each event carries every layer seen so far (the core's snapshot), so the
 * latest list replaces the last. An event without layers leaves them as
 * they were: the first "running" and the final "done" carry none.
 */
export function applyPullEvent(run: PullRun, event: SandboxProgress): PullRun {
  const next: PullRun = { ...run, operationId: run.operationId ?? event.operationId };
  if (event.layers) next.layers = event.layers.map(({ id, current, total }) => ({ id, current, total }));
  // The failure's sentence arrives with the rejected call; the event's is the same, kept in case.
  if (event.state === 'failed') return { ...next, state: 'failed', error: event.message ?? run.error };
  return next;
}

/** The call's answer is the truth: every layer is in, whatever the last event said. */
export function finishPull(run: PullRun, imageId: string): PullRun {
  return {
    ...run,
    state: 'done',
    imageId,
    error: undefined,
    layers: run.layers.map((layer) => ({ ...layer, current: Math.max(layer.current, layer.total) })),
  };
}

export function failPull(run: PullRun, message: string): PullRun {
  return { ...run, state: 'failed', error: message, imageId: undefined };
}

export interface PullBytes {
  current: number;
  total: number;
  /** 0 to 1, or undefined while no layer has a size yet (the bar then sweeps). */
  fraction?: number;
}

/** The sum over the layers. A layer with no size yet counts for neither side. */
export function pullBytes(run: PullRun): PullBytes {
  let current = 0;
  let total = 0;
  for (const layer of run.layers) {
    if (layer.total <= 0) continue;
    current += Math.min(layer.current, layer.total);
    total += layer.total;
  }
  return { current, total, fraction: total > 0 ? current / total : undefined };
}

/** Docker's short form of a layer id: its first 12 hex digits. */
export function shortLayer(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
