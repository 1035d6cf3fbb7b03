// The switch journal's rules (SECURITY.md TX-01) on a real database: one
// unfinished switch at a time, steps committed in place, finished rows final.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { switchSteps, type SandboxSettings, type SwitchStep } from '../../../shared/sandbox-contract';
import { AirlockError } from '../errors';
import { openDatabase, type AirlockDatabase } from './database';
import { createSwitchJournal, type BeginIntent } from './switch-journal';

const level1: SandboxSettings = {
  level: 1,
  image: 'ollama/ollama:0.17.1',
  memoryMb: 8192,
  cpus: 4,
  gpu: false,
  port: 41234,
  volume: 'airlock-models',
};
const level2: SandboxSettings = { ...level1, level: 2 };
const switchTo2 = (id: string): BeginIntent => ({ id, from: level1, fromContainer: 'old-1', to: level2 });

const opened: AirlockDatabase[] = [];
afterEach(() => opened.splice(0).forEach((store) => store.close()));
const open = (dir = mkdtempSync(join(tmpdir(), 'airlock-journal-'))) => {
  chmodSync(dir, 0o700);
  const store = openDatabase(dir);
  opened.push(store);
  return { dir, store };
};
/** A clock that moves only when told, so timestamps are exact. */
const clock = (start = 1_000) => {
  let t = start;
  return { now: () => t, tick: (ms = 1) => (t += ms) };
};
const rowCount = (store: AirlockDatabase) =>
  (store.db.prepare('SELECT count(*) FROM switch_intents').raw().get() as number[])[0];

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AirlockError) return error.code;
    throw error;
  }
  throw new Error('expected an AirlockError');
};

describe('switch journal', () => {
  it('begins at step prepare, running, and is the unfinished and the last intent', () => {
    const { store } = open();
    const journal = createSwitchJournal(store.db, clock().now);
    const intent = journal.begin(switchTo2('a'));
    expect(intent).toEqual({
      id: 'a',
      createdAt: 1_000,
      from: level1,
      fromContainer: 'old-1',
      to: level2,
      newContainer: null,
      step: 'prepare',
      state: 'running',
      message: null,
      updatedAt: 1_000,
    });
    expect(journal.unfinished()).toEqual(intent);
    expect(journal.last()).toEqual(intent);
  });

  it('records a first install with no previous sandbox', () => {
    const { store } = open();
    const journal = createSwitchJournal(store.db);
    journal.begin({ id: 'first', from: null, fromContainer: null, to: level1 });
    expect(journal.unfinished()).toMatchObject({ from: null, fromContainer: null, to: level1 });
  });

  it('allows one switch at a time: conflict while running or rolling back, free once finished', () => {
    const { store } = open();
    const journal = createSwitchJournal(store.db);
    journal.begin(switchTo2('a'));
    expect(codeOf(() => journal.begin(switchTo2('b')))).toBe('conflict');
    journal.rollingBack('a', 'start', 'The new sandbox did not start.');
    expect(codeOf(() => journal.begin(switchTo2('b')))).toBe('conflict');
    expect(rowCount(store)).toBe(1);
    journal.finish('a', 'rolled_back', 'Back on level 1.');
    expect(journal.unfinished()).toBeUndefined();
    expect(journal.begin(switchTo2('b')).state).toBe('running');
  });

  it('refuses an id already used, even by a finished switch', () => {
    const { store } = open();
    const journal = createSwitchJournal(store.db);
    journal.begin(switchTo2('a'));
    journal.finish('a', 'switched', 'Now on level 2.');
    expect(codeOf(() => journal.begin(switchTo2('a')))).toBe('conflict');
  });

  it('keeps one unfinished row even when code bypasses begin()', () => {
    const { store } = open();
    createSwitchJournal(store.db).begin(switchTo2('a'));
    expect(() =>
      store.db.exec(
        `INSERT INTO switch_intents (id, created_at, to_spec, step, state, updated_at)
         VALUES ('sneaky', 0, '{}', 'prepare', 'rolling_back', 0)`,
      ),
    ).toThrow(/UNIQUE/);
  });

  it('commits each step in place and keeps the new container once recorded', () => {
    const { store } = open();
    const time = clock();
    const journal = createSwitchJournal(store.db, time.now);
    journal.begin(switchTo2('a'));
    time.tick();
    expect(journal.step('a', 'create', { newContainer: 'new-1' })).toMatchObject({
      step: 'create',
      newContainer: 'new-1',
      updatedAt: 1_001,
    });
    journal.step('a', 'start');
    expect(journal.unfinished()).toMatchObject({ step: 'start', newContainer: 'new-1', state: 'running' });
    journal.step('a', 'ready', { newContainer: 'new-1' }); // same id again is fine
    expect(codeOf(() => journal.step('a', 'verify', { newContainer: 'new-2' }))).toBe('conflict');
    expect(journal.unfinished()).toMatchObject({ step: 'ready', newContainer: 'new-1' });
  });

  it("accepts every step in shared/sandbox-contract's list and nothing else", () => {
    const { store } = open();
    const journal = createSwitchJournal(store.db);
    journal.begin(switchTo2('a'));
    for (const step of switchSteps) expect(journal.step('a', step).step).toBe(step);
    expect(() => journal.step('a', 'teleport' as SwitchStep)).toThrow(/CHECK/);
    expect(journal.unfinished()?.step).toBe('remove_old');
  });

  it('rolls back with a reason, and later steps stay in the rolling-back state', () => {
    const { store } = open();
    const journal = createSwitchJournal(store.db);
    journal.begin(switchTo2('a'));
    journal.step('a', 'create', { newContainer: 'new-1' });
    journal.rollingBack('a', 'verify', 'The new sandbox could reach the internet.');
    expect(journal.step('a', 'remove_old')).toMatchObject({
      state: 'rolling_back',
      step: 'remove_old',
      message: 'The new sandbox could reach the internet.',
      newContainer: 'new-1',
    });
  });

  it('never changes a finished switch: the API and raw SQL both refuse', () => {
    const { store } = open();
    const time = clock();
    const journal = createSwitchJournal(store.db, time.now);
    journal.begin(switchTo2('a'));
    journal.finish('a', 'failed', 'Docker stopped during the switch.');
    const final = journal.last();
    time.tick(100);
    expect(codeOf(() => journal.step('a', 'create'))).toBe('conflict');
    expect(codeOf(() => journal.rollingBack('a', 'create', 'again'))).toBe('conflict');
    expect(codeOf(() => journal.finish('a', 'switched', 'again'))).toBe('conflict');
    expect(() => store.db.exec("UPDATE switch_intents SET state = 'running' WHERE id = 'a'")).toThrow(
      /a finished level switch cannot be changed/,
    );
    expect(journal.last()).toEqual(final);
  });

  it('finishes only with a final state, and knows no unknown id', () => {
    const { store } = open();
    const journal = createSwitchJournal(store.db);
    journal.begin(switchTo2('a'));
    expect(() => journal.finish('a', 'running' as 'failed', 'no')).toThrow(TypeError);
    expect(journal.unfinished()?.state).toBe('running');
    expect(codeOf(() => journal.step('nope', 'create'))).toBe('not_found');
  });

  it('refuses a spec that is not sandbox settings, writing nothing', () => {
    const { store } = open();
    const journal = createSwitchJournal(store.db);
    const bad = { ...switchTo2('a'), to: { ...level2, level: 9 } };
    expect(() => journal.begin(bad)).toThrow();
    expect(rowCount(store)).toBe(0);
  });

  it('reports a hand-edited unreadable row as an internal error rather than a wrong spec', () => {
    const { store } = open();
    const journal = createSwitchJournal(store.db);
    journal.begin(switchTo2('a'));
    store.db.exec(`UPDATE switch_intents SET to_spec = '{"level": 9}' WHERE id = 'a'`);
    expect(codeOf(() => journal.unfinished())).toBe('internal');
  });

  it('lists history newest first, breaking same-millisecond ties by insertion order', () => {
    const { store } = open();
    const journal = createSwitchJournal(store.db, () => 5_000);
    for (const id of ['a', 'b', 'c']) {
      journal.begin(switchTo2(id));
      journal.finish(id, 'switched', `done ${id}`);
    }
    expect(journal.history(10).map((intent) => intent.id)).toEqual(['c', 'b', 'a']);
    expect(journal.history(2).map((intent) => intent.id)).toEqual(['c', 'b']);
    expect(journal.history(0).map((intent) => intent.id)).toEqual(['c']);
    expect(journal.last()?.id).toBe('c');
  });

  it('keeps an unfinished switch across a reopen', () => {
    const { dir, store } = open();
    const journal = createSwitchJournal(store.db);
    journal.begin(switchTo2('a'));
    journal.step('a', 'create', { newContainer: 'new-1' });
    store.close();
    const again = createSwitchJournal(open(dir).store.db);
    expect(again.unfinished()).toMatchObject({ id: 'a', step: 'create', newContainer: 'new-1' });
  });
});
