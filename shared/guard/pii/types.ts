// The personal-data types the PII filter knows, and the shape of one finding.
// Offsets are UTF-16 indices into the text the user typed (GuardSpan).

export const piiTypes = [
  'EMAIL',
  'PHONE',
  'CREDIT_CARD',
  'IBAN',
  'SSN',
  'IP_ADDRESS',
  'STREET_ADDRESS',
  'DATE_OF_BIRTH',
  'API_KEY',
  'PRIVATE_KEY',
  'SECRET',
] as const;
export type PiiType = (typeof piiTypes)[number];

/** One stretch of personal data: `text.slice(start, end)` is what was found. */
export interface PiiSpan {
  start: number;
  end: number;
  type: PiiType;
}

/** A detector reads the whole text and lists what it found; overlaps are settled later. */
export type Detector = (text: string) => PiiSpan[];
