// Family: profiles, ages and the admin PIN.
// Until that lands, an honest empty state.
import { IconFamily } from '../components/icons';
import { UpcomingView } from './UpcomingView';

export default function FamilyView() {
  return <UpcomingView id="family" icon={<IconFamily size={32} />} />;
}
