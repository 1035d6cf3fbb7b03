// The level-switch journal (SECURITY.md TX-01): a switch is written down before
// any Docker call and each step is committed as it completes, so after a crash
// the reconciler knows exactly how far it got and which containers exist.
import type Database from 'libsql';
import {
  sandboxSettingsSchema,
  switchSteps,
  type SandboxSettings,
  type SwitchStep,
} from '../../../shared/sandbox-contract';
import { AirlockError } from '../errors';

export const intentStates = ['running', 'rolling_back', 'switched', 'rolled_back', 'failed'] as const;
export type IntentState = (typeof intentStates)[number];
export type TerminalState = 'switched' | 'rolled_back' | 'failed';

export interface Intent {
  id: string;
  createdAt: number;
  /** The spec to roll back to; null when no sandbox existed before. */
  from: SandboxSettings | null;
  fromContainer: string | null;
  to: SandboxSettings;
  /** Set as soon as the new container exists, so a crash never loses track of it. */
  newContainer: string | null;
  /** The last step committed (forward, or of the rollback while rolling back). */
  step: SwitchStep;
  state: IntentState;
  message: string | null;
  updatedAt: number;
}

export interface BeginIntent {
  id: string;
  from: SandboxSettings | null;
  fromContainer: string | null;
  to: SandboxSettings;
}

export interface SwitchJournal {
  /** Records a new switch at step 'prepare'; a `conflict` AirlockError while another is unfinished. */
  begin(input: BeginIntent): Intent;
  /** Commits a completed step; `newContainer` may be set once and never changed to another id. */
  step(id: string, step: SwitchStep, extra?: { newContainer?: string }): Intent;
  /** Marks the switch as rolling back from `step`, with the reason as a sentence for the owner. */
  rollingBack(id: string, step: SwitchStep, message: string): Intent;
  /** Ends the switch; after this the row is history and every change to it throws. */
  finish(id: string, state: TerminalState, message: string): Intent;
  /** The switch the reconciler must finish, if any (there is at most one). */
  unfinished(): Intent | undefined;
  /** The most recent switch, finished or not, for status. */
  last(): Intent | undefined;
  /** Most recent first; `limit` is clamped to 1…1000. */
  history(limit: number): Intent[];
}

const unfinishedStates: readonly IntentState[] = ['running', 'rolling_back'];
const stepSet: ReadonlySet<string> = new Set(switchSteps);
const stateSet: ReadonlySet<string> = new Set(intentStates);

interface Row {
  id: string;
  created_at: number;
  from_spec: string | null;
  from_container: string | null;
  to_spec: string;
  new_container: string | null;
  step: string;
  state: string;
  message: string | null;
  updated_at: number;
}

const columns =
  'id, created_at, from_spec, from_container, to_spec, new_container, step, state, message, updated_at';
// rowid breaks ties between switches begun in the same millisecond.
const newestFirst = 'ORDER BY created_at DESC, rowid DESC';

export function createSwitchJournal(db: Database.Database, now: () => number = Date.now): SwitchJournal {
  const byId = db.prepare(`SELECT ${columns} FROM switch_intents WHERE id = ?`);
  const open = db.prepare(
    `SELECT ${columns} FROM switch_intents WHERE state IN ('running', 'rolling_back') ${newestFirst} LIMIT 1`,
  );
  const recent = db.prepare(`SELECT ${columns} FROM switch_intents ${newestFirst} LIMIT ?`);
  const insert = db.prepare(
    `INSERT INTO switch_intents (${columns}) VALUES (?, ?, ?, ?, ?, NULL, 'prepare', 'running', NULL, ?)`,
  );
  const update = db.prepare(
    'UPDATE switch_intents SET step = ?, state = ?, new_container = ?, message = ?, updated_at = ? WHERE id = ?',
  );

  const find = (id: string): Intent | undefined => {
    const row = byId.get(id) as Row | undefined;
    return row && toIntent(row);
  };

  /** Reads the row inside the caller's transaction and refuses to touch a finished one. */
  const current = (id: string): Intent => {
    const intent = find(id);
    if (!intent) throw new AirlockError('not_found', `There is no level switch with id ${id}.`, { id });
    if (!unfinishedStates.includes(intent.state)) {
      throw new AirlockError(
        'conflict',
        `The level switch ${id} has already ended (${intent.state}); it cannot be changed.`,
        { id, state: intent.state },
      );
    }
    return intent;
  };

  const save = (next: Intent): Intent => {
    const at = now();
    update.run(next.step, next.state, next.newContainer, next.message, at, next.id);
    return { ...next, updatedAt: at };
  };

  // IMMEDIATE takes the write lock before the check, so the check and the write
  // are one decision even when app and serve share the file.
  const inTransaction = <A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => R) => {
    const transaction = db.transaction(fn);
    return (...args) => transaction.immediate(...args);
  };

  return {
    begin: inTransaction((input: BeginIntent): Intent => {
      const from = input.from === null ? null : sandboxSettingsSchema.parse(input.from);
      const to = sandboxSettingsSchema.parse(input.to);
      const busy = open.get() as Row | undefined;
      if (busy) {
        throw new AirlockError(
          'conflict',
          `Another level switch is still in progress (at step "${busy.step}"). Wait for it to finish, then try again.`,
          { id: busy.id, step: busy.step },
        );
      }
      if (find(input.id)) {
        throw new AirlockError('conflict', `A level switch with id ${input.id} already exists.`, {
          id: input.id,
        });
      }
      const at = now();
      insert.run(
        input.id,
        at,
        from === null ? null : JSON.stringify(from),
        input.fromContainer,
        JSON.stringify(to),
        at,
      );
      return {
        id: input.id,
        createdAt: at,
        from,
        fromContainer: input.fromContainer,
        to,
        newContainer: null,
        step: 'prepare',
        state: 'running',
        message: null,
        updatedAt: at,
      };
    }),

    step: inTransaction((id: string, step: SwitchStep, extra?: { newContainer?: string }): Intent => {
      const intent = current(id);
      const newContainer = extra?.newContainer ?? intent.newContainer;
      // Replacing a recorded container id would orphan a container the reconciler must clean up.
      if (intent.newContainer !== null && newContainer !== intent.newContainer) {
        throw new AirlockError(
          'conflict',
          `The level switch ${id} already created container ${intent.newContainer}; it cannot record another.`,
          { id, newContainer: intent.newContainer },
        );
      }
      return save({ ...intent, step, newContainer });
    }),

    rollingBack: inTransaction((id: string, step: SwitchStep, message: string): Intent =>
      save({ ...current(id), step, state: 'rolling_back', message }),
    ),

    finish: inTransaction((id: string, state: TerminalState, message: string): Intent => {
      if (unfinishedStates.includes(state) || !stateSet.has(state)) {
        throw new TypeError(`finish() needs a final state, not ${String(state)}`);
      }
      return save({ ...current(id), state, message });
    }),

    unfinished() {
      const row = open.get() as Row | undefined;
      return row && toIntent(row);
    },

    last() {
      const row = recent.get(1) as Row | undefined;
      return row && toIntent(row);
    },

    history(limit) {
      const clamped = Math.min(1000, Math.max(1, Math.trunc(limit) || 1));
      return (recent.all(clamped) as Row[]).map(toIntent);
    },
  };
}

/** The table's CHECKs guard step and state; the specs are parsed so a hand-edited row fails loudly here. */
function toIntent(row: Row): Intent {
  const from = row.from_spec === null ? null : readSpec(row.from_spec);
  const to = readSpec(row.to_spec);
  if (!stepSet.has(row.step) || !stateSet.has(row.state) || from === undefined || to === undefined) {
    throw new AirlockError('internal', `The level-switch record ${row.id} is not readable.`, { id: row.id });
  }
  return {
    id: row.id,
    createdAt: row.created_at,
    from,
    fromContainer: row.from_container,
    to,
    newContainer: row.new_container,
    step: row.step as SwitchStep,
    state: row.state as IntentState,
    message: row.message,
    updatedAt: row.updated_at,
  };
}

function readSpec(json: string): SandboxSettings | undefined {
  try {
    const checked = sandboxSettingsSchema.safeParse(JSON.parse(json));
    return checked.success ? checked.data : undefined;
  } catch {
    return undefined;
  }
}
