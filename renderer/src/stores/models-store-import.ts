// One model import as the window follows it: started by models.import (which
// answers an operation id at once), moved on by that operation's
// models.progress events, ended by the last one (done with the new entry, or
// failed with the core's sentence). Pure functions, so tests need no api.
import type { ModelEntry, ModelsProgress } from '../../../shared/models-contract';

export interface ImportRun {
  /** What the user asked for, in words: the file's base name or the address. */
  source: string;
  /** Unknown until models.import answers. */
  operationId?: string;
  state: 'running' | 'done' | 'failed';
  phase: ModelsProgress['phase'];
  bytes: number;
  totalBytes?: number;
  entry?: ModelEntry;
  /** The core's sentence, once failed. */
  error?: string;
  /** SECURITY.md's name for the refusal (DIGEST_MISMATCH…), for tests and support; never shown as is. */
  reason?: string;
  /** Events that came before the operation id did (the core may send them first). */
  early: ModelsProgress[];
}

export function startRun(source: string, fromUrl: boolean): ImportRun {
  return { source, state: 'running', phase: fromUrl ? 'downloading' : 'hashing', bytes: 0, early: [] };
}

/** Applies one event: ours once the id is known, kept aside until then. */
export function applyProgress(run: ImportRun, event: ModelsProgress): ImportRun {
  if (run.state !== 'running') return run;
  if (run.operationId === undefined) return { ...run, early: [...run.early, event].slice(-20) };
  if (event.operationId !== run.operationId) return run;
  const next: ImportRun = {
    ...run,
    phase: event.phase,
    bytes: event.bytes,
    ...(event.totalBytes !== undefined ? { totalBytes: event.totalBytes } : {}),
  };
  if (event.phase === 'done')
    return { ...next, state: 'done', ...(event.entry ? { entry: event.entry } : {}) };
  if (event.phase === 'failed') {
    return {
      ...next,
      state: 'failed',
      error: event.error?.message ?? event.message ?? '',
      ...(event.error ? { reason: event.error.reason } : {}),
    };
  }
  return next;
}

/** models.import answered: the run learns its id and catches up on the events that came first. */
export function named(run: ImportRun, operationId: string): ImportRun {
  const caught = run.early.reduce(applyProgress, { ...run, operationId, early: [] });
  return caught;
}

export function failRun(run: ImportRun, message: string, reason?: string): ImportRun {
  return { ...run, state: 'failed', error: message, ...(reason ? { reason } : {}), early: [] };
}

/** 0 to 1 while the size is known, else undefined (the bar then sweeps). */
export function runFraction(run: ImportRun): number | undefined {
  if (run.phase === 'scanning') return undefined;
  return run.totalBytes ? Math.min(1, run.bytes / run.totalBytes) : undefined;
}

/** The base name of a path or the address without its query, as the run's label. */
export function sourceLabel(input: { path?: string; url?: string }): string {
  if (input.url !== undefined) {
    try {
      const url = new URL(input.url);
      return `${url.host}${url.pathname}`;
    } catch {
      return input.url;
    }
  }
  return (input.path ?? '').split(/[\\/]/).pop() || (input.path ?? '');
}
