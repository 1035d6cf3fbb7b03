import { describe, expect, it } from 'vitest';
import { sandboxSettingsInput, type SandboxSettings } from '../../../shared/sandbox-contract';
import { bounds, describeChanges, draftFrom, parseField, readDraft } from './advanced-settings';

const saved: SandboxSettings = {
  level: 1,
  image: 'img:1',
  memoryMb: 4096,
  cpus: 2,
  gpu: false,
  port: 41000,
  volume: 'models',
};

describe('advanced settings', () => {
  it('keeps the same bounds as the contract', () => {
    for (const [field, { min, max }] of Object.entries(bounds)) {
      const schema = sandboxSettingsInput.shape[field as keyof typeof bounds];
      expect(schema.safeParse(min).success, `${field} min`).toBe(true);
      expect(schema.safeParse(max).success, `${field} max`).toBe(true);
      expect(schema.safeParse(min - 0.05).success, `${field} below`).toBe(false);
      expect(schema.safeParse(max + 1).success, `${field} above`).toBe(false);
    }
  });

  it('sends only what differs from the saved settings', () => {
    const draft = { ...draftFrom(saved), port: '41999' };
    expect(readDraft(draft, saved)).toEqual({ input: { port: 41999 }, errors: {} });
    expect(readDraft(draftFrom(saved), saved)).toEqual({ input: {}, errors: {} });
    expect(readDraft({ ...draftFrom(saved), gpu: true, memoryMb: '8192' }, saved).input).toEqual({
      gpu: true,
      memoryMb: 8192,
    });
  });

  it('treats an empty field as "keep", and shows a port of 0 as empty', () => {
    expect(draftFrom({ ...saved, port: 0 }).port).toBe('');
    expect(readDraft({ ...draftFrom(saved), memoryMb: ' ' }, saved)).toEqual({ input: {}, errors: {} });
  });

  it('refuses what the contract would refuse, with a catalogue message', () => {
    for (const text of ['80', '70000', '1e4', '-5', 'abc', '41000.5'])
      expect(parseField('port', text), text).toBeNaN();
    expect(parseField('cpus', '0.5')).toBe(0.5);
    expect(parseField('memoryMb', '100')).toBeNaN();
    const { errors, input } = readDraft({ ...draftFrom(saved), port: '80', cpus: '0' }, saved);
    expect(errors).toEqual({ port: 'security.invalid.port', cpus: 'security.invalid.cpus' });
    expect(input).toEqual({});
  });

  it('says the changes in words for the confirm step', () => {
    expect(describeChanges({ memoryMb: 8192, cpus: 1.5, gpu: true, port: 41999 })).toEqual([
      'memory limit to 8 GiB',
      'CPU limit to 1.5',
      'give the runtime the GPU',
      'address port to 41999',
    ]);
    expect(describeChanges({ image: 'loaded:1' })).toEqual(['runtime image to loaded:1']);
  });
});
