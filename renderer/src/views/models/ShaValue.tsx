// A SHA-256 shortened to what the eye compares (the first 12 and last 4 hex
// digits), a button that copies the whole value, and the whole value behind a
// disclosure for anyone who compares it by eye.
import { useState } from 'react';
import { Button } from '../../components/Button';
import { IconCopy } from '../../components/icons';
import { t } from '../../i18n/t';

export function ShaValue({ sha256, name }: { sha256: string; name: string }) {
  const [note, setNote] = useState('');
  const copy = () => {
    navigator.clipboard.writeText(sha256).then(
      () => setNote(t('models.sha.copied')),
      () => setNote(t('models.sha.copyFailed')),
    );
  };
  return (
    <div className="sha-value">
      <div className="sha-line">
        <code className="sha-short">{`${sha256.slice(0, 12)}…${sha256.slice(-4)}`}</code>
        <Button
          variant="ghost"
          size="sm"
          icon={<IconCopy size={16} />}
          aria-label={t('models.sha.copy', { name })}
          onClick={copy}
        />
        <span className="sha-note" role="status">
          {note}
        </span>
      </div>
      <details className="sha-full">
        <summary>{t('models.sha.full')}</summary>
        <code data-sha256={sha256}>{sha256}</code>
      </details>
    </div>
  );
}
