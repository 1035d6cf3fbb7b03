// Folds Docker's pull stream (one JSON object per line, per layer) into bytes
// per layer for a progress bar, and throttles how often the UI hears of it.
// Stream format: Docker Engine API, POST /images/create ("JSON stream of
// progress messages"), as the docker CLI's jsonmessage package reads it.

export interface LayerProgress {
  id: string;
  /** Bytes downloaded so far; equal to total once the layer is downloaded. */
  current: number;
  /** Compressed size in bytes; 0 until the registry says, and for layers already on disk. */
  total: number;
}

/** One line of the pull stream, as much of it as Airlock reads. */
export interface PullEvent {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
}

/** Statuses after which a layer's bytes are all here. */
const downloaded = new Set([
  'Verifying Checksum',
  'Download complete',
  'Extracting',
  'Pull complete',
  'Already exists',
]);

export class PullProgress {
  private readonly layers = new Map<string, LayerProgress>();
  /** `sha256:…` from the "Digest: …" line, when the registry sent one. */
  digest: string | undefined;
  /** The engine's message when the stream carried an error. */
  error: string | undefined;

  /** Applies one event; true when the per-layer picture changed. */
  apply(event: PullEvent): boolean {
    if (event.error !== undefined || event.errorDetail !== undefined) {
      this.error = (event.errorDetail?.message ?? event.error ?? 'unknown error').trim();
      return false;
    }
    const status = event.status ?? '';
    const digest = /^Digest: (sha256:[a-f0-9]{64})/.exec(status);
    if (digest) this.digest = digest[1];
    // "Pulling from library/x" carries the tag as its id, not a layer.
    if (!event.id || status.startsWith('Pulling from')) return false;
    const before = this.layers.get(event.id);
    const layer = before ? { ...before } : { id: event.id, current: 0, total: 0 };
    if (status === 'Downloading') {
      const { current, total } = event.progressDetail ?? {};
      if (typeof total === 'number' && total > 0) layer.total = total;
      if (typeof current === 'number') layer.current = Math.min(current, layer.total || current);
    } else if (downloaded.has(status)) {
      layer.current = layer.total;
    }
    this.layers.set(event.id, layer);
    return !before || before.current !== layer.current || before.total !== layer.total;
  }

  /** Every layer seen, in the order the engine first named them. */
  snapshot(): LayerProgress[] {
    return [...this.layers.values()].map((layer) => ({ ...layer }));
  }
}

export interface Throttled<T> {
  push: (value: T) => void;
  /** Delivers the last pushed value now if it has not been, and stops the timer. */
  flush: () => void;
}

/**
 * At most one call per interval, always ending with the latest value, so a
 * fast local pull cannot flood the event channel yet the bar ends at 100%.
 */
export function throttle<T>(
  fn: (value: T) => void,
  intervalMs: number,
  now: () => number = Date.now,
): Throttled<T> {
  let last = -Infinity;
  let pending: { value: T } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deliver = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    const { value } = pending;
    pending = undefined;
    last = now();
    fn(value);
  };
  return {
    push(value) {
      pending = { value };
      const wait = last + intervalMs - now();
      if (wait <= 0) deliver();
      else if (!timer) timer = setTimeout(deliver, wait);
    },
    flush: deliver,
  };
}
