// What each level of the slider answers, as data: PRODUCT.md's threat table
// (the sandbox rows) turned into "answered from level N", plus the keys of the
// words that describe a level. Pure, so the view and its tests share it.
import { levels, threatIds, type Level, type ThreatId } from '../../../shared/sandbox-contract';
import { t, type MessageKey } from '../i18n/t';

export { levels, threatIds, type Level, type ThreatId };

/** The lowest level whose controls answer each threat (PRODUCT.md, "from level"). */
export const answeredFrom: Record<ThreatId, Level> = {
  host_files: 1,
  network_exposure: 1,
  resource_exhaustion: 2,
  runtime_exploit: 2,
  phone_home: 3,
  container_escape: 4,
};

/** Levels Airlock can apply today; level 4 waits for a VM backend. */
export const applicableLevels: readonly Level[] = [1, 2, 3];

export const isLevel = (value: number): value is Level => (levels as readonly number[]).includes(value);

export function canApply(level: number): boolean {
  return (applicableLevels as readonly number[]).includes(level);
}

export function threatsAt(level: number): { answered: ThreatId[]; open: ThreatId[] } {
  const answered = threatIds.filter((id) => answeredFrom[id] <= level);
  const open = threatIds.filter((id) => answeredFrom[id] > level);
  return { answered, open };
}

export function levelName(level: number): string {
  return isLevel(level) ? t(`level.${level}.name`) : t('security.level', { level });
}

export const levelKeys = (level: Level) =>
  ({
    name: `level.${level}.name`,
    setup: `level.${level}.setup`,
    tradeoff: `level.${level}.tradeoff`,
  }) satisfies Record<string, MessageKey>;
