// The import form's fields checked as the contract checks them, so the owner
// reads what to fix before anything is sent; the core checks again anyway.
import type { MessageKey } from '../../i18n/t';

export type ImportFrom = 'file' | 'url';

export interface ImportDraft {
  from: ImportFrom;
  path: string;
  url: string;
  sha256: string;
  name: string;
}

export interface CheckedImport {
  problems: Partial<Record<'path' | 'url' | 'sha256' | 'name', MessageKey>>;
  input?: { path?: string; url?: string; sha256: string; name?: string };
}

const sha = /^(?:sha256:)?[0-9a-f]{64}$/;
const name = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function checkImport(draft: ImportDraft): CheckedImport {
  const problems: CheckedImport['problems'] = {};
  const path = draft.path.trim();
  const url = draft.url.trim();
  // Publishers print digests in either case and people paste them with spaces around.
  const digest = draft.sha256.trim().toLowerCase();
  const chosenName = draft.name.trim();
  if (draft.from === 'file') {
    if (path === '') problems.path = 'models.import.pathRequired';
    else if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path)) problems.path = 'models.import.pathRelative';
  } else if (url === '') problems.url = 'models.import.urlRequired';
  else if (!/^https:\/\/[^\s/]+/i.test(url)) problems.url = 'models.import.urlInvalid';
  if (digest === '') problems.sha256 = 'models.import.shaRequired';
  else if (!sha.test(digest)) problems.sha256 = 'models.import.shaInvalid';
  if (chosenName !== '' && (!name.test(chosenName) || chosenName.length > 100))
    problems.name = 'models.import.nameInvalid';
  if (Object.keys(problems).length > 0) return { problems };
  return {
    problems,
    input: {
      ...(draft.from === 'file' ? { path } : { url }),
      sha256: digest,
      ...(chosenName !== '' ? { name: chosenName } : {}),
    },
  };
}
