// `app.openLink`: a link from a model's answer leaves Airlock only after the
// user saw its full address and said yes (the renderer's dialog), and only
// through safeOpenExternal (EL-06): https, no credentials, no odd port, no
// punycode host. The confirmation admits that one host, nothing more.
import type { CallOutput } from '../../../shared/contract';
import { AirlockError } from '../errors';
import { parseUrl } from '../shell-policy/app-origin';
import { safeOpenExternal, type ExternalRefusal } from '../shell-policy/safe-open-external';

/** Hands a checked URL to the OS browser; only the Electron carrier has one. */
export type SystemOpener = (url: string) => Promise<void>;

const refusals: Record<ExternalRefusal, string> = {
  not_a_string: 'That is not a link Airlock can open.',
  too_long: 'That link is too long to open safely.',
  hidden_characters: 'That link hides characters in its address, so Airlock will not open it.',
  backslash: 'That link is written in a misleading way, so Airlock will not open it.',
  unparseable: 'That is not a complete web address, so Airlock cannot open it.',
  scheme: 'Airlock opens only secure web links (https://). This one is not.',
  credentials: 'That link carries a user name or password in its address, so Airlock will not open it.',
  port: 'That link points at an unusual port, so Airlock will not open it.',
  punycode_host:
    'That link’s address uses look-alike letters (it may imitate another site), so Airlock will not open it.',
  host_not_allowed: 'Airlock could not confirm that link’s address, so it did not open it.',
  bad_mailto: 'Airlock opens only secure web links (https://). This one is not.',
};

export async function openLink(url: string, opener?: SystemOpener): Promise<CallOutput<'app.openLink'>> {
  const host = parseUrl(url)?.hostname;
  const decision = safeOpenExternal(url, { allowedHosts: [], confirmed: host ? [host] : [] });
  if (!decision.allow) {
    throw new AirlockError('invalid_input', refusals[decision.reason], { reason: decision.reason });
  }
  if (!opener) return { url: decision.url, via: 'window' };
  try {
    await opener(decision.url);
  } catch {
    throw new AirlockError('unavailable', 'Your browser did not open the link. Please try again.');
  }
  return { url: decision.url, via: 'system' };
}
