// What the runtime image panel's two fields accept, checked as the owner
// types: the image name by the contract's own imageRefSchema (so the window
// and the core can never disagree), the file path by the contract's .tar rule.
// Whether the path is absolute and exists is the core's to say: only it sees
// the machine where Airlock runs.
import { imageRefSchema } from '../../../shared/sandbox-contract';
import type { MessageKey } from '../i18n/t';

/** The contract's rule for sandbox.loadImage's path (shared/contract.ts). */
const tarPattern = /\.tar$/i;
const maxPathLength = 4096;

/** Undefined when the name can be pulled, else the message to show under the field. */
export function checkImageName(text: string): MessageKey | undefined {
  const name = text.trim();
  if (name === '') return 'security.image.nameRequired';
  return imageRefSchema.safeParse(name).success ? undefined : 'security.image.nameInvalid';
}

export function checkTarPath(text: string): MessageKey | undefined {
  const path = text.trim();
  if (path === '') return 'security.image.pathRequired';
  if (path.length > maxPathLength) return 'security.image.pathTooLong';
  return tarPattern.test(path) ? undefined : 'security.image.pathNotTar';
}

/**
 * Whether a loaded or pulled name can be the runtime image of a switch. A
 * tar of an untagged image loads as "sha256:<hex>", which the name pattern
 * would read as repository "sha256" with a tag: that is an id, not a name.
 */
export function canUseImage(name: string): boolean {
  return !name.startsWith('sha256:') && imageRefSchema.safeParse(name).success;
}
