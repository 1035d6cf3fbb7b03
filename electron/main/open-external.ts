// The only caller of shell.openExternal (EL-06, enforced by the lint rule
// airlock/open-external-adapter-only): a link leaves for the OS only when
// safeOpenExternal allows it, and then in its normalized form.
import { shell } from 'electron';
import { safeOpenExternal } from '../core/shell-policy/safe-open-external';

/**
 * Install and help pages the setup and health views link to. Exact hosts:
 * anything else needs the user's confirmation, which arrives with a later issue.
 */
export const externalHosts: readonly string[] = [
  'docs.docker.com',
  'canonical.com',
  'lima-vm.io',
  'ollama.com',
  'www.nvidia.com',
];

export function openInBrowser(url: string, log: (line: string) => void): void {
  const decision = safeOpenExternal(url, { allowedHosts: externalHosts });
  if (!decision.allow) {
    log(`refused to open an external link (${decision.reason})`);
    return;
  }
  shell
    .openExternal(decision.url)
    .catch((error: unknown) => log(`could not open an external link: ${String(error)}`));
}

/**
 * A link from a chat answer whose full address the user confirmed. The core
 * already checked it with the confirmed host; this checks again at the door.
 */
export async function openConfirmedLink(url: string): Promise<void> {
  const host = URL.canParse(url) ? new URL(url).hostname : '';
  const decision = safeOpenExternal(url, { allowedHosts: externalHosts, confirmed: [host] });
  if (!decision.allow) throw new Error(`refused to open a confirmed link (${decision.reason})`);
  await shell.openExternal(decision.url);
}
