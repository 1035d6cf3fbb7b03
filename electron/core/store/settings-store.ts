// Typed settings: one JSON value per key, checked against its zod schema every
// time it is read, so a hand-edited or older value can never reach a service.
import type Database from 'libsql';
import type { z } from 'zod';
import { sandboxSettingsSchema } from '../../../shared/sandbox-contract';
import type { Logger } from '../router';

/** The keys in use and the schema each value must match (STYLE.md: one validator per setting). */
export const settingKeys = {
  sandbox: { key: 'sandbox', schema: sandboxSettingsSchema },
} as const;

export interface SettingsStore {
  /** The stored value, or undefined when there is none or it no longer matches `schema` (logged). */
  get<S extends z.ZodType>(key: string, schema: S): z.output<S> | undefined;
  /** Stores any JSON-serialisable value; the caller validates it first with the same schema it reads with. */
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

export function createSettingsStore(
  db: Database.Database,
  log: Logger,
  now: () => number = Date.now,
): SettingsStore {
  const read = db.prepare('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ' +
      'ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  const drop = db.prepare('DELETE FROM settings WHERE key = ?');

  return {
    get(key, schema) {
      const row = read.get(key) as { value: string } | undefined;
      if (!row) return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(row.value);
      } catch (error) {
        log(`setting "${key}" is not valid JSON; using the default`, error);
        return undefined;
      }
      const checked = schema.safeParse(parsed);
      if (!checked.success) {
        // A bad value means "not set": the caller's default is safer than a crash at startup.
        log(`setting "${key}" does not match its schema; using the default`, checked.error);
        return undefined;
      }
      return checked.data;
    },
    set(key, value) {
      const json = JSON.stringify(value);
      // JSON.stringify answers undefined (not a string) for undefined, functions and symbols.
      if (typeof json !== 'string') throw new TypeError(`setting "${key}" must be a JSON value`);
      write.run(key, json, now());
    },
    remove(key) {
      drop.run(key);
    },
  };
}
