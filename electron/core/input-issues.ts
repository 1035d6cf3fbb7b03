// Turns what zod found wrong with an input into one sentence naming the field,
// and refuses keys that could pollute prototypes before zod ever sees them.
import type { z } from 'zod';

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
const maxDepth = 32;

const fieldName = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? 'the input' : `the field \`${path.map(String).join('.')}\``;

/** Finds a prototype-pollution key or an absurdly deep value, anywhere in the input. */
export function findHostileShape(value: unknown, path: PropertyKey[] = []): string | undefined {
  if (path.length > maxDepth) return `The input is nested too deeply (more than ${maxDepth} levels).`;
  if (value === null || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    if (forbiddenKeys.has(key)) return `${capitalize(fieldName([...path, key]))} is not allowed.`;
    const found = findHostileShape((value as Record<string, unknown>)[key], [...path, key]);
    if (found) return found;
  }
  return undefined;
}

const typeOf = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'an object'
        : `a ${typeof value}`;

const article = (expected: string): string =>
  expected === 'object' ? 'an object' : expected === 'array' ? 'a list' : `a ${expected}`;

/** One plain sentence for the first issue zod reported. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const field = fieldName(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const given = issue.path.reduce<unknown>(
        (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
        input,
      );
      return given === undefined
        ? `${capitalize(field)} is missing; it must be ${article(issue.expected)}.`
        : `${capitalize(field)} must be ${article(issue.expected)}, not ${typeOf(given)}.`;
    }
    case 'too_big':
      return issue.origin === 'string'
        ? `${capitalize(field)} is too long: at most ${String(issue.maximum)} characters.`
        : `${capitalize(field)} is too large: at most ${String(issue.maximum)}.`;
    case 'too_small':
      return issue.origin === 'string'
        ? `${capitalize(field)} is too short: at least ${String(issue.minimum)} characters.`
        : `${capitalize(field)} is too small: at least ${String(issue.minimum)}.`;
    case 'unrecognized_keys':
      return `${capitalize(fieldName([...issue.path, issue.keys[0] ?? '?']))} is not expected here.`;
    case 'invalid_value':
      return `${capitalize(field)} must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    default:
      return `${capitalize(field)} is not valid: ${issue.message}.`;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
