// Chat: the family's chat with a local model, filtered both ways.
// Until that lands, an honest empty state.
import { IconChat } from '../components/icons';
import { UpcomingView } from './UpcomingView';

export default function ChatView() {
  return <UpcomingView id="chat" icon={<IconChat size={32} />} />;
}
