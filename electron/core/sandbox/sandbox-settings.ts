// The settings a switch applies: what the owner asked for, over what was
// saved, over defaults sized to this machine.
import { createHash } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import type { SandboxSettings, SandboxSettingsInput } from '../../../shared/sandbox-contract';

/** A short id for this Airlock's data folder: its Docker objects carry it, so two installs never meet. */
export function instanceId(dataDir: string): string {
  return createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 10);
}

export interface MachineSize {
  totalMemoryMb: number;
  cpuCount: number;
}

export const thisMachine = (): MachineSize => ({
  totalMemoryMb: Math.floor(totalmem() / 1024 / 1024),
  cpuCount: cpus().length,
});

export function defaultSettings(image: string, instance: string, machine: MachineSize): SandboxSettings {
  return {
    level: 2,
    image,
    // Half the machine, at most 16 GiB: room for a mid-size model and for the family's other work.
    memoryMb: Math.max(256, Math.min(16_384, Math.floor(machine.totalMemoryMb / 2))),
    // Leave one core to the desktop.
    cpus: Math.max(1, machine.cpuCount - 1),
    gpu: false,
    port: 0,
    volume: `airlock-models-${instance}`,
  };
}

export function mergeSettings(base: SandboxSettings, input: SandboxSettingsInput): SandboxSettings {
  return {
    level: input.level,
    image: input.image ?? base.image,
    memoryMb: input.memoryMb ?? base.memoryMb,
    cpus: input.cpus ?? base.cpus,
    gpu: input.gpu ?? base.gpu,
    port: input.port ?? base.port,
    volume: input.volume ?? base.volume,
  };
}
