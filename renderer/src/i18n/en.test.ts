import { describe, expect, it } from 'vitest';
import { componentIds, healthReasons } from '../../../shared/contract';
import { viewIds } from '../lib/router';
import { en } from './en';
import { lookup, t } from './t';

const keys = new Set(Object.keys(en));

describe('the English catalogue', () => {
  it('has a label and a sentence for every health reason', () => {
    for (const reason of healthReasons) {
      expect(keys, `label.${reason}`).toContain(`label.${reason}`);
      expect(keys, `reason.${reason}`).toContain(`reason.${reason}`);
    }
  });

  it('names every component and says what it is for', () => {
    for (const id of componentIds)
      for (const suffix of ['', '.short', '.role']) expect(keys).toContain(`component.${id}${suffix}`);
  });

  it('names every view and says what will live there', () => {
    for (const view of viewIds) {
      expect(keys).toContain(`view.${view}`);
      expect(keys).toContain(`view.${view}.lead`);
    }
  });

  it('only uses known components, reasons and platforms in health keys', () => {
    const parts = new Set<string>([...componentIds, 'reason']);
    const reasons = new Set<string>(healthReasons);
    const platforms = new Set(['linux', 'darwin', 'win32', 'other', 'desktop']);
    for (const key of keys) {
      const match = /^(health|fix|cmd)\.([a-z]+)\.([a-z_]+)(?:\.([a-z0-9]+))?$/.exec(key);
      if (!match) continue;
      expect(parts, key).toContain(match[2]);
      expect(reasons, key).toContain(match[3]);
      if (match[4]) expect(platforms, key).toContain(match[4]);
    }
  });
});

describe('t', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('status.version', { version: '1.2.3' })).toBe('Airlock 1.2.3');
    expect(t('status.version')).toBe('Airlock {version}');
  });

  it('looks up run-time keys without inventing text', () => {
    expect(lookup('health.docker.ok')).toBe(en['health.docker.ok']);
    expect(lookup('health.docker.nope')).toBeUndefined();
    expect(lookup('toString')).toBeUndefined();
  });
});
