// The runtime image: the one in force (name and id), the one switches use,
// the pinned default, and two ways to get another: download it by name, or
// load it from a `docker save` file. Either can become the next switch's image.
import type { SandboxStatus } from '../../../../shared/sandbox-contract';
import { Card } from '../../components/Card';
import { t } from '../../i18n/t';
import { defaultRuntimeImage } from '../../lib/default-image';
import { useImages } from '../../stores/image-store';
import { useSandbox } from '../../stores/sandbox-store';
import { LoadForm } from './LoadForm';
import { PullForm } from './PullForm';

export function ImagePanel({ status }: { status: SandboxStatus }) {
  const images = useImages();
  const nextImage = useSandbox((state) => state.nextImage);
  const chooseImage = useSandbox((state) => state.chooseImage);
  const { container } = status;
  const rows: [string, string, string][] = [
    [t('security.image.running'), container?.image ?? t('security.image.notRunning'), 'running'],
    ...(container
      ? [[t('security.image.runningId'), container.imageId, 'running-id'] as [string, string, string]]
      : []),
    [t('security.image.saved'), status.settings.image, 'saved'],
    [t('security.image.default'), defaultRuntimeImage, 'default'],
  ];

  return (
    <Card as="section" className="image-panel" aria-labelledby="image-title">
      <div>
        <h2 id="image-title">{t('security.image.title')}</h2>
        <p className="image-lead">{t('security.image.lead')}</p>
      </div>
      <dl className="summary-list image-facts">
        {rows.map(([term, value, key]) => (
          <div key={key} className="summary-row" data-fact={key}>
            <dt>{term}</dt>
            <dd className="summary-mono">{value}</dd>
          </div>
        ))}
      </dl>
      <PullForm
        run={images.pull}
        nextImage={nextImage}
        onPull={(image) => void images.pullImage(image)}
        onChoose={chooseImage}
      />
      <LoadForm
        run={images.load}
        nextImage={nextImage}
        onLoad={(path) => void images.loadImage(path)}
        onChoose={chooseImage}
      />
    </Card>
  );
}
