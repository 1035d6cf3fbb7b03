// Monitor: CPU, memory, GPU and VRAM use, with alerts.
// Until that lands, an honest empty state.
import { IconMonitor } from '../components/icons';
import { UpcomingView } from './UpcomingView';

export default function MonitorView() {
  return <UpcomingView id="monitor" icon={<IconMonitor size={32} />} />;
}
