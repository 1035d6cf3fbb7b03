// Opens Airlock's one SQLite database (ARCHITECTURE.md "Storage") with the
// durability settings of SECURITY.md DB-01 and brings its schema up to date.
import Database from 'libsql';
import { chmodSync, closeSync, constants, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { AirlockError } from '../errors';
import { latestVersion, migrate } from './migrate';
import { migrations as shippedMigrations, type Migration } from './migrations';
import { pragmaValue } from './pragma';

export const databaseFileName = 'airlock.db';

/** Long enough to wait out the other process (app or serve) committing a step, short enough to report a stuck lock. */
const busyTimeoutMs = 5_000;

/** The first 16 bytes of every SQLite 3 file (https://www.sqlite.org/fileformat.html#the_database_header). */
const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');

export interface AirlockDatabase {
  readonly db: Database.Database;
  readonly path: string;
  /** Closes the connection; safe to call twice. */
  close(): void;
}

export interface OpenOptions {
  /** The schema history; tests pass their own to exercise a failing or newer one. */
  migrations?: readonly Migration[];
}

/**
 * Opens `<dataDir>/airlock.db`, creating it with mode 0600. The folder must
 * already exist (data-dir setup makes it 0700). A file Airlock cannot trust,
 * damaged or written by a newer Airlock, is refused with an AirlockError and
 * left as it was, so the owner's data is never lost to an automatic "repair".
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): AirlockDatabase {
  const list = options.migrations ?? shippedMigrations;
  const known = latestVersion(list);
  const path = join(dataDir, databaseFileName);
  prepareFile(path);

  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (error) {
    throw describeFailure(path, error);
  }
  try {
    db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
    // Everything up to the journal_mode switch only reads, so a refused file keeps its bytes.
    const version = Number(pragmaValue(db, 'user_version'));
    if (version > known) {
      throw new AirlockError(
        'unavailable',
        `Airlock's database ${path} was written by a newer version of Airlock (schema ${version}; this version knows up to ${known}). ` +
          'Airlock left it untouched: update Airlock to open it.',
        { path, version, known },
      );
    }
    // SECURITY.md DB-02: a damaged file is found at startup, not halfway through a switch.
    const check = pragmaValue(db, 'quick_check');
    if (check !== 'ok') throw damaged(path, String(check));
    // An older build or a copied file may be group-readable; it holds PIN hashes and the audit log.
    chmodSync(path, 0o600);
    if (pragmaValue(db, 'journal_mode = WAL') !== 'wal') {
      throw new AirlockError('unavailable', `Airlock could not turn on write-ahead logging for ${path}.`, {
        path,
      });
    }
    // FULL: a committed switch step survives power loss, not only a crash (https://www.sqlite.org/pragma.html#pragma_synchronous).
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db, list);
  } catch (error) {
    db.close();
    throw describeFailure(path, error);
  }

  return {
    db,
    path,
    close: () => {
      if (db.open) db.close();
    },
  };
}

/** Creates an empty 0600 file, or checks an existing one starts like SQLite before SQLite touches it. */
function prepareFile(path: string): void {
  try {
    closeSync(openSync(path, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL, 0o600));
    return;
  } catch (error) {
    if (codeOf(error) !== 'EEXIST') throw describeFailure(path, error);
  }
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(sqliteMagic.length);
    const read = readSync(fd, head, 0, head.length, 0);
    // A zero-length file is what SQLite itself treats as a new, empty database.
    if (read !== 0 && (read < head.length || !head.equals(sqliteMagic))) {
      throw damaged(path, 'it does not start with the SQLite header');
    }
  } catch (error) {
    throw describeFailure(path, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function damaged(path: string, why: string): AirlockError {
  return new AirlockError(
    'unavailable',
    `Airlock's database ${path} is damaged or is not an Airlock database, so Airlock left it untouched. ` +
      'Move it aside or restore a backup, then start Airlock again.',
    { path, reason: why },
  );
}

function describeFailure(path: string, error: unknown): AirlockError {
  if (error instanceof AirlockError) return error;
  const code = codeOf(error) ?? '';
  const reason = error instanceof Error ? error.message : String(error);
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) return damaged(path, reason);
  return new AirlockError('unavailable', `Airlock could not open its database ${path}: ${reason}.`, {
    path,
    code,
  });
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
