// Audit: the tamper-evident log.
// Until that lands, an honest empty state.
import { IconAudit } from '../components/icons';
import { UpcomingView } from './UpcomingView';

export default function AuditView() {
  return <UpcomingView id="audit" icon={<IconAudit size={32} />} />;
}
