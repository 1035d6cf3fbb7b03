// The settings store on a real database: round trips, and a stored value that
// no longer matches its schema reads as "not set" with a log line.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SandboxSettings } from '../../../shared/sandbox-contract';
import { openDatabase, type AirlockDatabase } from './database';
import { createSettingsStore, settingKeys } from './settings-store';

const sandbox: SandboxSettings = {
  level: 2,
  image: 'ollama/ollama:0.17.1',
  memoryMb: 8192,
  cpus: 4,
  gpu: false,
  port: 41234,
  volume: 'airlock-models',
};

const opened: AirlockDatabase[] = [];
const open = (dir: string) => {
  const store = openDatabase(dir);
  opened.push(store);
  return store;
};
const dataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-settings-'));
  chmodSync(dir, 0o700);
  return dir;
};
afterEach(() => opened.splice(0).forEach((store) => store.close()));

const logLines = () => {
  const lines: string[] = [];
  return { lines, log: (message: string) => void lines.push(message) };
};

describe('settings store', () => {
  it('round-trips the sandbox settings across a reopen', () => {
    const dir = dataDir();
    const first = open(dir);
    createSettingsStore(first.db, () => {}).set(settingKeys.sandbox.key, sandbox);
    first.close();

    const { lines, log } = logLines();
    const settings = createSettingsStore(open(dir).db, log);
    expect(settings.get(settingKeys.sandbox.key, settingKeys.sandbox.schema)).toEqual(sandbox);
    expect(lines).toEqual([]);
  });

  it('overwrites, removes, and answers undefined for a key never set', () => {
    const settings = createSettingsStore(open(dataDir()).db, () => {});
    settings.set('count', 1);
    settings.set('count', 2);
    expect(settings.get('count', z.number())).toBe(2);
    settings.remove('count');
    expect(settings.get('count', z.number())).toBeUndefined();
    expect(settings.get('never', z.number())).toBeUndefined();
  });

  it('reads a value that no longer matches its schema as undefined and logs the key', () => {
    const { lines, log } = logLines();
    const settings = createSettingsStore(open(dataDir()).db, log);
    settings.set(settingKeys.sandbox.key, { ...sandbox, level: 'two' });
    expect(settings.get(settingKeys.sandbox.key, settingKeys.sandbox.schema)).toBeUndefined();
    expect(lines).toEqual(['setting "sandbox" does not match its schema; using the default']);
  });

  it('applies the schema on read, so defaults and transforms come from the schema', () => {
    const settings = createSettingsStore(open(dataDir()).db, () => {});
    settings.set('theme', {});
    const schema = z.object({ dark: z.boolean().default(false) });
    expect(settings.get('theme', schema)).toEqual({ dark: false });
  });

  it('refuses a value with no JSON form, and the table refuses text that is not JSON', () => {
    const store = open(dataDir());
    const settings = createSettingsStore(store.db, () => {});
    expect(() => settings.set('nothing', undefined)).toThrow(TypeError);
    expect(() => store.db.exec("INSERT INTO settings VALUES ('raw', 'not json', 0)")).toThrow(/CHECK/);
    expect(settings.get('nothing', z.unknown())).toBeUndefined();
  });
});
