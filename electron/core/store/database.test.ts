// openDatabase against real SQLite files: durability pragmas (DB-01), file
// mode, migrations (DB-03), and files it must refuse without touching.
import Database from 'libsql';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AirlockError } from '../errors';
import { databaseFileName, openDatabase } from './database';
import { latestVersion, migrate } from './migrate';
import { migrations } from './migrations';
import { pragmaValue } from './pragma';

const dataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-db-'));
  chmodSync(dir, 0o700);
  return dir;
};
const mode = (path: string): number => statSync(path).mode & 0o777;
const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const tables = (db: Database.Database): string[] =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").raw().all() as string[][]
  ).map(([name]) => name!);

/** Runs `open` and returns the AirlockError it must throw. */
const refusal = (open: () => unknown): AirlockError => {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(AirlockError);
    return error as AirlockError;
  }
  throw new Error('expected openDatabase to refuse the file');
};

describe('openDatabase', () => {
  it('creates airlock.db with mode 0600 and the DB-01 pragmas', () => {
    const dir = dataDir();
    const store = openDatabase(dir);
    try {
      expect(store.path).toBe(join(dir, databaseFileName));
      expect(pragmaValue(store.db, 'journal_mode')).toBe('wal');
      expect(pragmaValue(store.db, 'synchronous')).toBe(2); // FULL
      expect(pragmaValue(store.db, 'foreign_keys')).toBe(1);
      expect(Number(pragmaValue(store.db, 'busy_timeout'))).toBeGreaterThan(0);
      expect(pragmaValue(store.db, 'user_version')).toBe(migrations.length);
      expect(tables(store.db)).toEqual(['models', 'settings', 'switch_intents']);
      store.db.exec("INSERT INTO settings VALUES ('k', '1', 0)"); // makes SQLite write the WAL
      for (const file of [databaseFileName, `${databaseFileName}-wal`, `${databaseFileName}-shm`]) {
        expect(mode(join(dir, file)), file).toBe(0o600);
      }
    } finally {
      store.close();
    }
    store.close(); // a second close is harmless
  });

  it('tightens an existing group-readable database to 0600', () => {
    const dir = dataDir();
    const path = join(dir, databaseFileName);
    new Database(path).close();
    chmodSync(path, 0o644);
    openDatabase(dir).close();
    expect(mode(path)).toBe(0o600);
  });

  it('migrates once: reopening keeps the data, the version and the schema', () => {
    const dir = dataDir();
    const first = openDatabase(dir);
    first.db.exec(`INSERT INTO settings VALUES ('kept', '"yes"', 1)`);
    const schema = first.db.prepare('SELECT sql FROM sqlite_master ORDER BY name').raw().all();
    first.close();

    const again = openDatabase(dir);
    try {
      expect(pragmaValue(again.db, 'user_version')).toBe(migrations.length);
      expect(again.db.prepare('SELECT sql FROM sqlite_master ORDER BY name').raw().all()).toEqual(schema);
      expect(again.db.prepare("SELECT value FROM settings WHERE key = 'kept'").raw().get()).toEqual([
        '"yes"',
      ]);
      expect(migrate(again.db, migrations)).toEqual([]);
    } finally {
      again.close();
    }
  });

  it('applies only the migrations a database lacks', () => {
    const dir = dataDir();
    openDatabase(dir, { migrations: migrations.slice(0, 1) }).close();
    const store = openDatabase(dir);
    try {
      expect(tables(store.db)).toEqual(['models', 'settings', 'switch_intents']);
      expect(pragmaValue(store.db, 'user_version')).toBe(migrations.length);
    } finally {
      store.close();
    }
  });

  it('rolls a failing migration back whole: no half schema, user_version unchanged (DB-03)', () => {
    const dir = dataDir();
    openDatabase(dir).close();
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE half (a); INSERT INTO missing VALUES (1);',
      },
    ];
    const error = refusal(() => openDatabase(dir, { migrations: broken }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/schema update \d+ \(broken\) failed: .*missing/);

    const store = openDatabase(dir);
    try {
      expect(pragmaValue(store.db, 'user_version')).toBe(migrations.length);
      expect(tables(store.db)).not.toContain('half');
    } finally {
      store.close();
    }
  });

  it('refuses a database from a newer Airlock with a sentence and leaves its bytes alone', () => {
    const dir = dataDir();
    const path = join(dir, databaseFileName);
    const newer = new Database(path);
    newer.exec('CREATE TABLE future (a); PRAGMA user_version = 99');
    newer.close();
    chmodSync(path, 0o640);
    const before = digest(path);

    const error = refusal(() => openDatabase(dir));
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe(
      `Airlock's database ${path} was written by a newer version of Airlock (schema 99; this version knows up to ${migrations.length}). ` +
        'Airlock left it untouched: update Airlock to open it.',
    );
    expect(digest(path)).toBe(before);
    expect(mode(path)).toBe(0o640);
    const look = new Database(path);
    expect(tables(look)).toEqual(['future']);
    expect(pragmaValue(look, 'journal_mode')).toBe('delete');
    look.close();
  });

  it('refuses a file of random bytes with a sentence and does not touch it', () => {
    const dir = dataDir();
    const path = join(dir, databaseFileName);
    writeFileSync(path, Buffer.concat([Buffer.from('not sqlite'), randomBytes(8192)]), { mode: 0o644 });
    const before = digest(path);

    const error = refusal(() => openDatabase(dir));
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe(
      `Airlock's database ${path} is damaged or is not an Airlock database, so Airlock left it untouched. ` +
        'Move it aside or restore a backup, then start Airlock again.',
    );
    expect(digest(path)).toBe(before);
    expect(mode(path)).toBe(0o644);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a database whose header is fine but a page is garbage (quick_check, DB-02)', () => {
    const dir = dataDir();
    const path = join(dir, databaseFileName);
    const store = openDatabase(dir);
    const insert = store.db.prepare('INSERT INTO settings VALUES (?, \'"x"\', 0)');
    for (let i = 0; i < 500; i += 1) insert.run(`key-${i}`);
    store.close();
    const pageSize = readFileSync(path).readUInt16BE(16);
    const fd = openSync(path, 'r+');
    writeSync(fd, randomBytes(pageSize), 0, pageSize, pageSize); // page 2: the settings table's root
    closeSync(fd);
    const before = digest(path);

    const error = refusal(() => openDatabase(dir));
    expect(error.message).toMatch(/is damaged or is not an Airlock database/);
    expect(digest(path)).toBe(before);
  });

  it('says which folder is missing instead of creating one', () => {
    const dir = join(dataDir(), 'absent');
    const error = refusal(() => openDatabase(dir));
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain(join(dir, databaseFileName));
    expect(existsSync(dir)).toBe(false);
  });
});

describe('the migration list', () => {
  it('numbers its entries 1, 2, 3… (a gap is a coding error)', () => {
    expect(latestVersion(migrations)).toBe(migrations.length);
    expect(() => latestVersion([{ version: 2, name: 'skips one', sql: '' }])).toThrow(/expected 1/);
  });
});
