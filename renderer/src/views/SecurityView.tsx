// Security: the level slider with what each level means, Apply with a confirm
// step, the switch followed step by step, how it ended, the running sandbox
// and its runtime image (download, load, pick for the next switch),
// and each protection verified live against it.
import { useEffect, useRef, useState } from 'react';
import { EmptyState } from '../components/EmptyState';
import { IconAlert } from '../components/icons';
import { PageHeader } from '../components/PageHeader';
import { ProgressBar } from '../components/ProgressBar';
import { t } from '../i18n/t';
import { draftFrom, readDraft, type AdvancedDraft } from '../lib/advanced-settings';
import { isLevel, type Level } from '../lib/sandbox-levels';
import { useDelayed } from '../lib/use-delayed';
import { useSandbox } from '../stores/sandbox-store';
import { AdvancedSettings } from './security/AdvancedSettings';
import { ApplyBar } from './security/ApplyBar';
import { ImagePanel } from './security/ImagePanel';
import { LevelDetails } from './security/LevelDetails';
import { LevelPicker } from './security/LevelPicker';
import { LogsDialog } from './security/LogsDialog';
import { NextImageNote } from './security/NextImageNote';
import { OutcomeNotice } from './security/OutcomeNotice';
import { SandboxSummary } from './security/SandboxSummary';
import { SandboxUnavailable } from './security/SandboxUnavailable';
import { SwitchProgress } from './security/SwitchProgress';
import { VerifyPanel } from './security/VerifyPanel';
import './security/images.css';
import './security/security.css';
import './security/verify.css';

export default function SecurityView() {
  const sandbox = useSandbox();
  const { status, run, outcome } = sandbox;
  const follow = useSandbox((state) => state.follow);
  useEffect(() => follow(), [follow]);

  // Untouched, the slider and the form follow the saved settings; once touched, they are the owner's.
  const [picked, setPicked] = useState<Level>();
  const [draft, setDraft] = useState<AdvancedDraft>();
  const [logsOpen, setLogsOpen] = useState(false);
  const progressRef = useRef<HTMLDivElement>(null);

  const switching = run?.finished === false;
  const showRun = useDelayed(switching);
  const saved = status?.settings;
  const savedLevel = saved && isLevel(saved.level) ? saved.level : 1;
  const level = picked ?? savedLevel;
  const form = draft ?? (saved ? draftFrom(saved) : undefined);
  const read = form && saved ? readDraft(form, saved) : undefined;
  const unavailable = status?.state === 'unavailable';
  // An image chosen in the image panel rides along with the next switch (the store sends it).
  const { nextImage } = sandbox;
  const changes = {
    ...read?.input,
    ...(nextImage !== undefined && nextImage !== saved?.image ? { image: nextImage } : {}),
  };
  // The level in force: the running container's, also while a switch builds its successor.
  // (A status read mid-switch names no container; the level from before the switch still runs.)
  const running =
    status?.state === 'running'
      ? status.container?.level
      : status?.state === 'switching'
        ? (status.container?.level ?? sandbox.previousLevel)
        : undefined;

  // The steps appear below the fold: bring them into view once they show.
  useEffect(() => {
    if (showRun) progressRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [showRun]);

  // Open the view, see the protections checked: one live verification when none is on screen yet.
  const autoVerified = useRef(false);
  const verify = sandbox.verify;
  const hasReport = sandbox.report !== undefined;
  useEffect(() => {
    if (autoVerified.current || status?.state !== 'running' || hasReport || switching) return;
    autoVerified.current = true;
    void verify();
  }, [status?.state, hasReport, switching, verify]);

  const apply = async () => {
    const result = await sandbox.setLevel({ level, ...read?.input });
    if (result?.outcome === 'switched') {
      setPicked(undefined);
      setDraft(undefined);
    }
  };

  if (!status) {
    return (
      <div className="view security">
        <PageHeader title={t('view.security')} lead={t('view.security.lead')} />
        {sandbox.statusError ? (
          <EmptyState
            icon={<IconAlert size={32} />}
            title={t('security.loadFailed')}
            body={sandbox.statusError}
          />
        ) : (
          <ProgressBar label={t('view.loading')} />
        )}
      </div>
    );
  }

  return (
    <div className="view security">
      <PageHeader title={t('view.security')} lead={t('view.security.lead')} />

      {unavailable && <SandboxUnavailable message={status.message} />}

      <div className={unavailable ? 'security-grid security-grid-single' : 'security-grid'}>
        <section className="card level-card" aria-labelledby="level-title">
          <h2 id="level-title">{t('security.levels')}</h2>
          <LevelPicker picked={level} current={running} onPick={setPicked} labelledBy="level-title" />
          <LevelDetails level={level} />
          {form && (
            <AdvancedSettings
              draft={form}
              errors={read?.errors ?? {}}
              onChange={setDraft}
              disabled={switching}
            />
          )}
          {nextImage !== undefined && (
            <NextImageNote image={nextImage} onClear={() => sandbox.chooseImage(undefined)} />
          )}
          <ApplyBar
            picked={level}
            running={running}
            changes={changes}
            invalid={Object.keys(read?.errors ?? {}).length > 0}
            unavailable={unavailable}
            switching={switching}
            onApply={() => void apply()}
          />
        </section>

        {!unavailable && (
          <div className="security-side">
            <SandboxSummary
              status={status}
              pending={sandbox.pending}
              busy={switching || sandbox.pending !== undefined}
              onStop={() => void sandbox.stop()}
              onStart={() => void sandbox.start()}
              onLogs={() => setLogsOpen(true)}
            />
            <ImagePanel status={status} />
          </div>
        )}
      </div>

      <div ref={progressRef} className="security-switch">
        {outcome && (
          <OutcomeNotice
            outcome={outcome}
            target={run?.level ?? outcome.level}
            kept={outcome.outcome === 'rolled_back' ? (running ?? sandbox.previousLevel) : undefined}
            onDismiss={sandbox.dismissOutcome}
          />
        )}
        {run && (run.finished || showRun) && <SwitchProgress run={run} />}
      </div>

      {!unavailable && (
        <VerifyPanel
          report={sandbox.report}
          verifying={sandbox.verifying}
          canVerify={status.state === 'running' && !switching}
          onVerify={() => void sandbox.verify()}
        />
      )}

      <LogsDialog open={logsOpen} onClose={() => setLogsOpen(false)} />
    </div>
  );
}
