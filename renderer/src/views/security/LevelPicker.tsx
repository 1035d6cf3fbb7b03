// The level slider: four native radio buttons in a labelled group, drawn as
// stops on a track. Native radios give arrow-key movement, one tab stop and
// the right screen-reader semantics without any script of ours.
import { useId } from 'react';
import { t } from '../../i18n/t';
import { canApply, levelName, levels, type Level } from '../../lib/sandbox-levels';
import './level-picker.css';

export interface LevelPickerProps {
  picked: Level;
  /** The level in force, marked on its stop; undefined when nothing runs. */
  current?: number;
  onPick: (level: Level) => void;
  labelledBy: string;
  disabled?: boolean;
}

export function LevelPicker({ picked, current, onPick, labelledBy, disabled }: LevelPickerProps) {
  const hintId = useId();
  const tagId = useId();
  return (
    <div className="level-picker">
      <p id={hintId} className="level-picker-hint">
        {t('security.levels.hint')}
      </p>
      <div
        role="radiogroup"
        aria-labelledby={labelledBy}
        aria-describedby={hintId}
        className="level-track"
        data-picked={picked}
      >
        {levels.map((level) => {
          const tags = [
            current === level ? `${tagId}-current` : undefined,
            canApply(level) ? undefined : `${tagId}-vm`,
          ].filter(Boolean);
          return (
            <label key={level} className="level-stop" data-level={level}>
              <input
                type="radio"
                className="level-input"
                name="security-level"
                value={level}
                checked={picked === level}
                disabled={disabled}
                aria-label={t('security.levelName', { level, name: levelName(level) })}
                aria-describedby={tags.length ? tags.join(' ') : undefined}
                onChange={() => onPick(level)}
              />
              <span className="level-knob" aria-hidden="true">
                {level}
              </span>
              <span className="level-stop-name" aria-hidden="true">
                {levelName(level)}
              </span>
              {current === level && (
                <span id={`${tagId}-current`} className="level-tag level-tag-current">
                  {t('security.inForce')}
                </span>
              )}
              {!canApply(level) && (
                <span id={`${tagId}-vm`} className="level-tag level-tag-off">
                  {t('security.needsVm')}
                </span>
              )}
            </label>
          );
        })}
      </div>
    </div>
  );
}
