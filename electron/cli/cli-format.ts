// Human-readable output for the CLI: a few calls get a tailored view, every
// other value a plain indented listing.
import type { CallOutput } from '../../shared/contract';

export function formatValue(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return `${indent}-`;
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}(none)`;
    return value
      .map((item) =>
        isPlain(item) ? `${indent}- ${String(item)}` : `${indent}-\n${formatValue(item, `${indent}  `)}`,
      )
      .join('\n');
  }
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, item]) =>
        isPlain(item)
          ? `${indent}${key}: ${String(item)}`
          : `${indent}${key}:\n${formatValue(item, `${indent}  `)}`,
      )
      .join('\n');
  }
  return `${indent}${JSON.stringify(value) ?? ''}`;
}

const isPlain = (value: unknown): boolean => value === null || typeof value !== 'object';

const marks = { ok: 'ok', missing: '--', error: '!!' } as const;

function formatHealth(health: CallOutput<'app.health'>): string {
  const rows = health.components.map((c) => `  ${marks[c.status]}  ${c.id.padEnd(10)} ${c.detail}`);
  return [`Checked ${new Date(health.checkedAt).toLocaleString()} on ${health.platform}:`, ...rows].join(
    '\n',
  );
}

export function formatOutput(call: string, value: unknown): string {
  if (call === 'app.health') return formatHealth(value as CallOutput<'app.health'>);
  return formatValue(value);
}
