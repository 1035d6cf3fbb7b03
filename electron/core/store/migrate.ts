// Brings a database up to the newest schema this build knows, one migration
// per transaction, so a failure halfway leaves the last good version behind.
import type Database from 'libsql';
import type { Migration } from './migrations';
import { pragmaValue } from './pragma';

/** Throws on a gap or disorder: that is a mistake in the code, caught by the first test run. */
export function latestVersion(list: readonly Migration[]): number {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1)
      throw new Error(
        `migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`,
      );
  });
  return list.length;
}

/** Runs every migration newer than the database's user_version; returns the versions it applied. */
export function migrate(db: Database.Database, list: readonly Migration[]): number[] {
  latestVersion(list);
  const applied: number[] = [];
  for (const migration of list) {
    // IMMEDIATE takes the write lock before reading the version, so two
    // processes opening at once cannot both apply the same step.
    const step = db.transaction(() => {
      if (Number(pragmaValue(db, 'user_version')) >= migration.version) return false;
      db.exec(migration.sql);
      // user_version lives in the header page, so it commits or rolls back with the schema.
      db.exec(`PRAGMA user_version = ${migration.version}`);
      return true;
    });
    let ran: boolean;
    try {
      ran = step.immediate();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`schema update ${migration.version} (${migration.name}) failed: ${reason}`, {
        cause: error,
      });
    }
    if (ran) applied.push(migration.version);
  }
  return applied;
}
