// Redaction: the text the runtime receives, with typed placeholders, plus a
// map back to what was hidden.
//
// PRIVACY: the map holds the user's personal data. It exists only so the
// sender's own chat window can show what was hidden. It stays in the
// core/renderer pair of this machine: it is never written into a prompt,
// never sent to a runtime (local or in a sandbox), never sent to a cloud
// provider, and never logged or audited (audit events carry types only).
import type { PiiSpan, PiiType } from './types';

export interface Redaction {
  /** Placeholder as it appears in the redacted text, e.g. "[PHONE]" or "[PHONE_2]". */
  placeholder: string;
  type: PiiType;
  /** Where the placeholder sits in the redacted text. */
  start: number;
  end: number;
  /** Where the hidden value sat in the original text, and the value itself. */
  originalStart: number;
  originalEnd: number;
  original: string;
}

/** Display-only: see the PRIVACY note at the top of this file. */
export interface RedactionMap {
  readonly displayOnly: true;
  readonly entries: Redaction[];
}

export interface Redacted {
  /** What the runtime receives. */
  text: string;
  map: RedactionMap;
}

/**
 * Replaces each span with a typed placeholder. The same value gets the same
 * placeholder; a second distinct phone number becomes "[PHONE_2]", so the
 * model can still tell "call A or B" apart without seeing either.
 */
export function redact(text: string, spans: PiiSpan[]): Redacted {
  const ordered = [...spans]
    .filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
    .sort((a, b) => a.start - b.start);
  const byValue = new Map<string, string>();
  const perType = new Map<PiiType, number>();
  const entries: Redaction[] = [];
  const parts: string[] = [];
  let from = 0;
  let length = 0;
  for (const s of ordered) {
    if (s.start < from) continue; // overlapping spans: the first one already hid this text
    const original = text.slice(s.start, s.end);
    const key = `${s.type}\u0000${original}`;
    let placeholder = byValue.get(key);
    if (placeholder === undefined) {
      const n = (perType.get(s.type) ?? 0) + 1;
      perType.set(s.type, n);
      placeholder = n === 1 ? `[${s.type}]` : `[${s.type}_${n}]`;
      byValue.set(key, placeholder);
    }
    parts.push(text.slice(from, s.start));
    length += s.start - from;
    entries.push({
      placeholder,
      type: s.type,
      start: length,
      end: length + placeholder.length,
      originalStart: s.start,
      originalEnd: s.end,
      original,
    });
    parts.push(placeholder);
    length += placeholder.length;
    from = s.end;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), map: { displayOnly: true, entries } };
}

/** The sender's own text back, exactly, from the redacted text and its map (by position). */
export function restore(redacted: string, map: RedactionMap): string {
  const parts: string[] = [];
  let from = 0;
  for (const e of map.entries) {
    parts.push(redacted.slice(from, e.start), e.original);
    from = e.end;
  }
  parts.push(redacted.slice(from));
  return parts.join('');
}

/**
 * Shows hidden values in other text that quotes the placeholders, e.g. the
 * model's answer "I'll call [PHONE] tomorrow", for display in the sender's
 * own window only.
 */
export function reveal(text: string, map: RedactionMap): string {
  const values = new Map(map.entries.map((e) => [e.placeholder, e.original]));
  return text.replace(/\[[A-Z_]+(?:_\d+)?\]/g, (p) => values.get(p) ?? p);
}
