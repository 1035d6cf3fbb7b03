// The database's schema history, oldest first. A shipped migration is never
// edited: a change is a new entry, so every install walks the same path
// (SECURITY.md DB-03: each runs in one transaction with its user_version bump).

export interface Migration {
  /** The `PRAGMA user_version` this migration leaves behind; 1, 2, 3… with no gaps. */
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'switch_intents',
    // The step list is spelled out rather than built from switchSteps: a shipped
    // migration must not change when the code's list does (a test keeps them in step).
    sql: `
      CREATE TABLE switch_intents (
        id TEXT PRIMARY KEY NOT NULL,
        created_at INTEGER NOT NULL,
        from_spec TEXT NULL CHECK (from_spec IS NULL OR json_valid(from_spec)),
        from_container TEXT NULL,
        to_spec TEXT NOT NULL CHECK (json_valid(to_spec)),
        new_container TEXT NULL,
        step TEXT NOT NULL
          CHECK (step IN ('prepare', 'create', 'start', 'ready', 'verify', 'move', 'remove_old')),
        state TEXT NOT NULL
          CHECK (state IN ('running', 'rolling_back', 'switched', 'rolled_back', 'failed')),
        message TEXT NULL,
        updated_at INTEGER NOT NULL
      );
      -- Only one switch at a time, even if two processes (app and serve) race:
      -- at most one row may be unfinished.
      CREATE UNIQUE INDEX switch_intents_one_unfinished ON switch_intents ((1))
        WHERE state IN ('running', 'rolling_back');
      CREATE INDEX switch_intents_recent ON switch_intents (created_at);
      -- A finished switch is history: the reconciler must never revive it.
      CREATE TRIGGER switch_intents_terminal_is_final BEFORE UPDATE ON switch_intents
        WHEN OLD.state IN ('switched', 'rolled_back', 'failed')
        BEGIN SELECT RAISE(ABORT, 'a finished level switch cannot be changed'); END;
    `,
  },
  {
    version: 3,
    name: 'models',
    // The model inventory (MI-06). A row is written as 'importing' before its
    // file is renamed into the model folder and becomes 'ready' after, so a
    // crash at any point leaves a state the next start can settle.
    sql: `
      CREATE TABLE models (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        file_name TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('importing', 'ready')),
        importer_pid INTEGER NULL,
        source_kind TEXT NOT NULL CHECK (source_kind IN ('file', 'url', 'demo', 'found')),
        source_ref TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size >= 0),
        format TEXT NOT NULL CHECK (format IN ('gguf', 'safetensors')),
        architecture TEXT NULL,
        parameter_count INTEGER NULL,
        quantization TEXT NULL,
        context_length INTEGER NULL,
        template_verdict TEXT NOT NULL CHECK (template_verdict IN ('none', 'safe', 'flagged')),
        scan_verdict TEXT NOT NULL CHECK (scan_verdict IN ('passed', 'quarantined')),
        scan_findings TEXT NOT NULL CHECK (json_valid(scan_findings)),
        imported_at INTEGER NOT NULL,
        imported_by TEXT NOT NULL
      );
      CREATE INDEX models_sha256 ON models (sha256);
    `,
  },
  {
    version: 4,
    name: 'models_integrity',
    // MI-06 re-verification: what the last check found. A model whose file
    // changed or went missing stays flagged (and is not served) until it is
    // imported again or deleted; integrity_found is the digest the check saw.
    sql: `
      ALTER TABLE models ADD COLUMN integrity TEXT NOT NULL DEFAULT 'ok'
        CHECK (integrity IN ('ok', 'changed', 'missing'));
      ALTER TABLE models ADD COLUMN integrity_where TEXT NULL
        CHECK (integrity_where IS NULL OR integrity_where IN ('host', 'sandbox'));
      ALTER TABLE models ADD COLUMN integrity_found TEXT NULL;
      ALTER TABLE models ADD COLUMN integrity_checked_at INTEGER NULL;
    `,
  },
];
