// Turns one component's health (a reason code from the core) into plain words
// for this platform: a badge, a tone, a sentence, what to do, and a command.
import type { ComponentHealth, Health } from '../../../shared/contract';
import { lookup, t, type MessageKey } from '../i18n/t';

export type Platform = Health['platform'];
export type Tone = 'ok' | 'warn' | 'error' | 'off';

export interface HealthCopy {
  name: string;
  shortName: string;
  role: string;
  label: string;
  tone: Tone;
  sentence: string;
  fix?: string;
  command?: string;
}

/**
 * Most specific first: the exact platform, then "desktop" (macOS and Windows
 * share Docker Desktop and the like), then any platform.
 */
export function keyCandidates(base: string, platform: Platform): string[] {
  const candidates = [`${base}.${platform}`];
  if (platform === 'darwin' || platform === 'win32') candidates.push(`${base}.desktop`);
  candidates.push(base);
  return candidates;
}

function firstFound(bases: string[], platform: Platform, vars?: Record<string, string>): string | undefined {
  for (const base of bases) {
    for (const key of keyCandidates(base, platform)) {
      const text = lookup(key, vars);
      if (text !== undefined) return text;
    }
  }
  return undefined;
}

/** Docker carries levels 1 to 3, so its absence needs attention; the others are optional. */
export function toneOf(health: Pick<ComponentHealth, 'id' | 'status' | 'reason'>): Tone {
  if (health.status === 'ok') return 'ok';
  if (health.status === 'error') return 'error';
  if (health.reason === 'insecure_endpoint') return 'error';
  return health.id === 'docker' ? 'warn' : 'off';
}

export function describeHealth(health: ComponentHealth, platform: Platform): HealthCopy {
  const { id, reason } = health;
  const name = t(`component.${id}` as MessageKey);
  return {
    name,
    shortName: t(`component.${id}.short` as MessageKey),
    role: t(`component.${id}.role` as MessageKey),
    label: t(`label.${reason}` as MessageKey),
    tone: toneOf(health),
    sentence:
      firstFound([`health.${id}.${reason}`, `reason.${reason}`], platform, { name }) ?? t('error.unexpected'),
    fix: reason === 'ok' ? undefined : firstFound([`fix.${id}.${reason}`, `fix.reason.${reason}`], platform),
    command: reason === 'ok' ? undefined : firstFound([`cmd.${id}.${reason}`], platform),
  };
}

export interface Readiness {
  key: MessageKey;
  tone: Tone;
}

/** The three questions a homelab owner asks first, answered from the health list. */
export function readiness(components: readonly ComponentHealth[]): Readiness[] {
  const ok = (id: ComponentHealth['id']) => components.some((c) => c.id === id && c.status === 'ok');
  const docker = ok('docker');
  const vm = ok('multipass') || ok('lima');
  const gpu = ok('nvidia');
  return [
    // Without Docker nothing runs yet, so that one asks for attention; the others are options.
    { key: docker ? 'setup.readyLevels' : 'setup.notReadyLevels', tone: docker ? 'ok' : 'warn' },
    { key: vm ? 'setup.readyVm' : 'setup.notReadyVm', tone: vm ? 'ok' : 'off' },
    { key: gpu ? 'setup.readyGpu' : 'setup.notReadyGpu', tone: gpu ? 'ok' : 'off' },
  ];
}

/** MiB as nvidia-smi reports them, shown as GB with one decimal at most. */
export function formatGiB(memoryMiB: number): string {
  const gib = memoryMiB / 1024;
  return Number.isInteger(gib) ? String(gib) : gib.toFixed(1);
}
