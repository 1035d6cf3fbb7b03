// Dates of birth, only where the words say so ("born on …", "DOB:",
// "date of birth", "birthday is …"): a bare date is a meeting, not a person.
import { allMatches } from '../regex-scan';
import type { PiiSpan } from './types';

const months =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const date = [
  String.raw`\d{4}[-./]\d{1,2}[-./]\d{1,2}`,
  String.raw`\d{1,2}[-./]\d{1,2}[-./]\d{2,4}`,
  String.raw`(?:${months})\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}`,
  String.raw`\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${months})\.?,? \d{4}`,
].join('|');

// The cue, then at most a few filler words ("on the", ":"), then the date.
const dob = new RegExp(
  String.raw`\b(?:born(?: on| in)?|d\.?o\.?b\.?|date of birth|birth ?date|birthday(?: is)?|geboren(?: am)?|né(?:e)? le)\b[\s:,-]{0,4}(?:on |is |the ){0,2}(${date})(?!\d)`,
  'gi',
);

export function findBirthDates(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of allMatches(dob, text)) {
    const start = m.index + m[0].length - m[1]!.length;
    out.push({ start, end: m.index + m[0].length, type: 'DATE_OF_BIRTH' });
  }
  return out;
}
