// Models: the model inventory and verified import.
// Until that lands, an honest empty state.
import { IconModels } from '../components/icons';
import { UpcomingView } from './UpcomingView';

export default function ModelsView() {
  return <UpcomingView id="models" icon={<IconModels size={32} />} />;
}
