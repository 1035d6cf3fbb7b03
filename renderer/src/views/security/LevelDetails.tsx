// What the level under the slider means: what Airlock sets up, the sandbox
// threats it answers and those it leaves open (PRODUCT.md's tables), its
// trade-offs, and what a switch does.
import { IconCheck, IconMinus } from '../../components/icons';
import { t } from '../../i18n/t';
import {
  answeredFrom,
  canApply,
  levelKeys,
  threatsAt,
  type Level,
  type ThreatId,
} from '../../lib/sandbox-levels';

export function LevelDetails({ level }: { level: Level }) {
  const keys = levelKeys(level);
  const { answered, open } = threatsAt(level);
  return (
    <section className="level-details" aria-labelledby="level-details-title" data-level={level}>
      <h3 id="level-details-title" className="level-details-title">
        {t('security.levelName', { level, name: t(keys.name) })}
        {!canApply(level) && <span className="level-tag level-tag-off">{t('security.needsVm')}</span>}
      </h3>

      <div className="level-details-block">
        <h4>{t('security.whatItSetsUp')}</h4>
        <p>{t(keys.setup)}</p>
      </div>

      <div className="threat-columns">
        <ThreatList title={t('security.answers')} threats={answered} answered />
        <ThreatList
          title={t('security.leavesOpen')}
          threats={open}
          answered={false}
          empty={t('security.leavesOpenNone')}
        />
      </div>

      <div className="level-details-block">
        <h4>{t('security.tradeoffs')}</h4>
        <p>{t(keys.tradeoff)}</p>
      </div>

      <div className="level-details-block">
        <h4>{t('security.switching')}</h4>
        <p>{t('security.switchHow')}</p>
      </div>
    </section>
  );
}

function ThreatList({
  title,
  threats,
  answered,
  empty,
}: {
  title: string;
  threats: ThreatId[];
  answered: boolean;
  empty?: string;
}) {
  return (
    <div className={`threat-list threat-list-${answered ? 'answered' : 'open'}`}>
      <h4>{title}</h4>
      {threats.length === 0 ? (
        <p className="threat-list-empty">{empty}</p>
      ) : (
        <ul>
          {threats.map((threat) => (
            <li key={threat} data-threat={threat}>
              <span className="threat-icon">
                {answered ? <IconCheck size={16} /> : <IconMinus size={16} />}
              </span>
              <span className="threat-text">
                <span className="threat-name">{t(`threat.${threat}`)}</span>
                <span className="threat-control">
                  {answered
                    ? t(`threat.${threat}.control`)
                    : `${t(`threat.${threat}.control`)}, ${t('security.answeredFrom', { level: answeredFrom[threat] })}`}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
