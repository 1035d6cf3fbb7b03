// "Use this image": a toggle that picks an image for the next level switch,
// or gives the choice back. Its name stays the same either way (a toggle's
// pressed state says which), and the image it acts on describes it.
import { Button } from '../../components/Button';
import { IconCheck } from '../../components/icons';
import { t } from '../../i18n/t';

export interface UseImageButtonProps {
  image: string;
  chosen: boolean;
  /** The id of the element that names the image, for aria-describedby. */
  describedBy: string;
  onChoose: (image: string | undefined) => void;
}

export function UseImageButton({ image, chosen, describedBy, onChoose }: UseImageButtonProps) {
  return (
    <span className="use-image">
      <Button
        size="sm"
        variant={chosen ? 'primary' : 'secondary'}
        icon={chosen ? <IconCheck size={16} /> : undefined}
        aria-pressed={chosen}
        aria-describedby={describedBy}
        data-image={image}
        onClick={() => onChoose(chosen ? undefined : image)}
      >
        {t('security.image.use')}
      </Button>
      {/* Always in the page, so the words are announced when they appear. */}
      <span className="use-image-note" aria-live="polite">
        {chosen ? t('security.image.chosen') : ''}
      </span>
    </span>
  );
}
