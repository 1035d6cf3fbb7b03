// The publisher's SHA-256, validated before any use (SECURITY.md MI-02): the
// digest names the file in the store, and CVE-2024-37032 "Probllama" turned an
// unchecked digest (`../`, too few or too many hex digits) into a path traversal.
import { AirlockError } from '../errors';

const digestPattern = /^(?:sha256:)?([0-9a-f]{64})$/;

/** Accepts `<64 lowercase hex>` or `sha256:<64 lowercase hex>` and returns the bare hex. */
export function parseSha256(input: string): string {
  const match = digestPattern.exec(input);
  if (!match) {
    throw new AirlockError(
      'invalid_input',
      'The expected SHA-256 must be 64 lowercase hexadecimal digits, optionally after "sha256:".',
      { reason: 'invalid_digest' },
    );
  }
  return match[1]!;
}
