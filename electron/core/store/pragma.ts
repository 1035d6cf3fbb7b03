// Reads one PRAGMA's value. libsql's `pragma(…, {simple: true})` returns the
// whole row (with a `_metadata` field) instead of the value, so read it raw.
import type Database from 'libsql';

export function pragmaValue(db: Database.Database, pragma: string): unknown {
  const row = db.prepare(`PRAGMA ${pragma}`).raw().get() as unknown[] | undefined;
  return row?.[0];
}
