// `t(key, vars)`: the one way components turn a catalogue key into text.
// `{name}` placeholders are filled from vars; a missing var stays visible.
import { en, type MessageKey, type Messages } from './en';

let messages: Messages = en;

/** Switches the catalogue (a translation file exporting `Messages`). */
export function setCatalogue(next: Messages): void {
  messages = next;
}

export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  return fill(messages[key], vars);
}

/** For keys built at run time (health copy): undefined when the catalogue has no such key. */
export function lookup(key: string, vars?: Record<string, string | number>): string | undefined {
  if (!Object.hasOwn(messages, key)) return undefined;
  return fill(messages[key as MessageKey], vars);
}

function fill(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

export type { MessageKey };
