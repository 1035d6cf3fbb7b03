// The advanced settings form as pure logic: text fields in, the contract's
// setLevel fields out (only those that differ from the saved settings), or a
// catalogue message per field. Bounds mirror sandboxSettingsInput in
// shared/sandbox-contract.ts; a test holds them to it.
import type { SandboxSettings, SandboxSettingsInput } from '../../../shared/sandbox-contract';
import { t, type MessageKey } from '../i18n/t';
import { formatMiB } from './sandbox-format';

export interface AdvancedDraft {
  memoryMb: string;
  cpus: string;
  port: string;
  gpu: boolean;
}

export type AdvancedField = 'memoryMb' | 'cpus' | 'port';
/** What the next switch changes besides the level; the image comes from the image panel, not this form. */
export type AdvancedInput = Pick<SandboxSettingsInput, 'memoryMb' | 'cpus' | 'port' | 'gpu' | 'image'>;

export const bounds = {
  memoryMb: { min: 256, max: 1_048_576, integer: true },
  cpus: { min: 0.1, max: 256, integer: false },
  port: { min: 1024, max: 65535, integer: true },
} as const satisfies Record<AdvancedField, { min: number; max: number; integer: boolean }>;

const fields = Object.keys(bounds) as AdvancedField[];

/** The form as the saved settings fill it; a port of 0 means "Airlock picks", shown empty. */
export function draftFrom(settings: SandboxSettings): AdvancedDraft {
  return {
    memoryMb: String(settings.memoryMb),
    cpus: String(settings.cpus),
    port: settings.port > 0 ? String(settings.port) : '',
    gpu: settings.gpu,
  };
}

/** Parses one field: undefined when empty (keep the saved value), NaN when it is not valid. */
export function parseField(field: AdvancedField, text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  // Number('') and Number(' ') are 0, and Number('1e3') is 1000: accept plain decimals only.
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return NaN;
  const value = Number(trimmed);
  const { min, max, integer } = bounds[field];
  if (value < min || value > max || (integer && !Number.isInteger(value))) return NaN;
  return value;
}

export function readDraft(
  draft: AdvancedDraft,
  settings: SandboxSettings,
): { input: AdvancedInput; errors: Partial<Record<AdvancedField, MessageKey>> } {
  const input: AdvancedInput = {};
  const errors: Partial<Record<AdvancedField, MessageKey>> = {};
  for (const field of fields) {
    const value = parseField(field, draft[field]);
    if (value === undefined) continue;
    if (Number.isNaN(value)) errors[field] = `security.invalid.${field}`;
    else if (value !== settings[field]) input[field] = value;
  }
  if (draft.gpu !== settings.gpu) input.gpu = draft.gpu;
  return { input, errors };
}

/** The changes in words, for the confirm step. */
export function describeChanges(input: AdvancedInput): string[] {
  const changes: string[] = [];
  if (input.memoryMb !== undefined)
    changes.push(t('security.change.memoryMb', { value: formatMiB(input.memoryMb) }));
  if (input.cpus !== undefined) changes.push(t('security.change.cpus', { value: input.cpus }));
  if (input.gpu !== undefined)
    changes.push(t(input.gpu ? 'security.change.gpu.on' : 'security.change.gpu.off'));
  if (input.port !== undefined) changes.push(t('security.change.port', { value: input.port }));
  if (input.image !== undefined) changes.push(t('security.change.image', { value: input.image }));
  return changes;
}
