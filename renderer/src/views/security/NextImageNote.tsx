// Beside Apply, when an image was chosen in the image panel: which image the
// next switch will run, that nothing changes before it, and a way back.
import { Button } from '../../components/Button';
import { IconInfo } from '../../components/icons';
import { t } from '../../i18n/t';

export function NextImageNote({ image, onClear }: { image: string; onClear: () => void }) {
  return (
    <div className="notice next-image" data-next-image={image}>
      <IconInfo />
      <div className="notice-text">
        <strong className="next-image-name">{t('security.image.next', { image })}</strong>
        <p>{t('security.image.nextHint')}</p>
      </div>
      <Button size="sm" variant="ghost" onClick={onClear}>
        {t('security.image.nextClear')}
      </Button>
    </div>
  );
}
