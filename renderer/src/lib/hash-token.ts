// `serve` hands the browser its access token in the URL fragment (#token=…),
// which browsers never send to a server. We take it once, keep it for this tab
// only (sessionStorage survives a reload, not a new tab), and wipe the address bar.
import { tokenPattern } from '../../../shared/wire';

export const tokenStorageKey = 'airlock.token';

/** A fragment that carries a token, valid or not; anything else is a route. */
export function tokenFromHash(hash: string): { present: boolean; token?: string } {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.startsWith('token=')) return { present: false };
  const value = new URLSearchParams(fragment).get('token') ?? '';
  return tokenPattern.test(value) ? { present: true, token: value } : { present: true };
}

export interface TokenPlace {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined;
}

/**
 * Reads the token from the fragment (a fresh one wins over a stored one),
 * removes it from the address bar without adding a history entry, and
 * returns the token to use, if any.
 */
export function takeToken({ location, history, storage }: TokenPlace): string | undefined {
  const found = tokenFromHash(location.hash);
  if (found.present) {
    // Replace, not push: Back must not bring the token back into view.
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    if (found.token) {
      safely(() => storage?.setItem(tokenStorageKey, found.token!));
      return found.token;
    }
  }
  const stored = safely(() => storage?.getItem(tokenStorageKey)) ?? undefined;
  return stored && tokenPattern.test(stored) ? stored : undefined;
}

/** Storage can throw (disabled, quota); the token then lives for this page only. */
function safely<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/**
 * A new address from `airlock serve` pasted into an open tab only changes the
 * fragment, so no page load happens: take the token and reload to use it.
 */
export function watchForNewToken(
  place: TokenPlace & { addEventListener: Window['addEventListener'] },
  reload: () => void,
): void {
  place.addEventListener('hashchange', () => {
    if (!tokenFromHash(place.location.hash).present) return;
    takeToken(place);
    reload();
  });
}
