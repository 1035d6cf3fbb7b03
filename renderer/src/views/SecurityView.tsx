// Security: the level slider and each protection verified live.
// Until that lands, an honest empty state.
import { IconShield } from '../components/icons';
import { UpcomingView } from './UpcomingView';

export default function SecurityView() {
  return <UpcomingView id="security" icon={<IconShield size={32} />} />;
}
