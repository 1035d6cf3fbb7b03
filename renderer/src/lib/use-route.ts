// Follows the address bar's hash as the current view, and keeps it tidy
// (`#/setup`) without adding history entries for corrections.
import { useEffect, useSyncExternalStore } from 'react';
import { hrefFor, parseRoute, type ViewId } from './router';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const read = () => window.location.hash;

export function useRoute(): ViewId {
  const hash = useSyncExternalStore(subscribe, read);
  const { view, canonical } = parseRoute(hash);
  useEffect(() => {
    if (!canonical) window.history.replaceState(window.history.state, '', hrefFor(view));
  }, [view, canonical]);
  return view;
}
