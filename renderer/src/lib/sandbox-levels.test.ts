import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { answeredFrom, canApply, levelKeys, levelName, levels, threatIds, threatsAt } from './sandbox-levels';

describe('sandbox levels', () => {
  it('answers more threats at each level, and every threat by level 4', () => {
    let before = -1;
    for (const level of levels) {
      const { answered, open } = threatsAt(level);
      expect([...answered, ...open].sort()).toEqual([...threatIds].sort());
      expect(answered.length).toBeGreaterThan(before);
      before = answered.length;
    }
    expect(threatsAt(4).open).toEqual([]);
    expect(threatsAt(3).open).toEqual(['container_escape']);
    expect(threatsAt(1).answered).toEqual(['host_files', 'network_exposure']);
  });

  it('follows PRODUCT.md: limits from 2, no egress from 3, a VM at 4', () => {
    expect(answeredFrom).toMatchObject({
      resource_exhaustion: 2,
      runtime_exploit: 2,
      phone_home: 3,
      container_escape: 4,
    });
  });

  it('cannot apply level 4 until a VM backend exists', () => {
    expect([1, 2, 3, 4].map(canApply)).toEqual([true, true, true, false]);
  });

  it('has words for every level and threat', () => {
    for (const level of levels)
      for (const key of Object.values(levelKeys(level))) expect(en).toHaveProperty(key);
    for (const threat of threatIds) {
      expect(en).toHaveProperty(`threat.${threat}`);
      expect(en).toHaveProperty(`threat.${threat}.control`);
    }
    expect(levelName(3)).toBe('Offline');
    expect(levelName(9)).toBe('Level 9');
  });
});
