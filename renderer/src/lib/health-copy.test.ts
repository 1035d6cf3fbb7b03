import { describe, expect, it } from 'vitest';
import { componentIds, healthReasons, type ComponentHealth } from '../../../shared/contract';
import { describeHealth, formatGiB, keyCandidates, readiness, toneOf, type Platform } from './health-copy';

const platforms: Platform[] = ['linux', 'darwin', 'win32', 'other'];
const health = (id: ComponentHealth['id'], reason: ComponentHealth['reason']): ComponentHealth => ({
  id,
  reason,
  status:
    reason === 'ok'
      ? 'ok'
      : ['not_installed', 'not_running', 'no_gpu', 'unsupported_platform'].includes(reason)
        ? 'missing'
        : 'error',
  detail: 'detail',
});

describe('describeHealth', () => {
  it('has words for every component, reason and platform', () => {
    for (const id of componentIds)
      for (const reason of healthReasons)
        for (const platform of platforms) {
          const copy = describeHealth(health(id, reason), platform);
          expect(copy.name.length).toBeGreaterThan(0);
          expect(copy.label.length).toBeGreaterThan(0);
          expect(copy.sentence).toMatch(/\.$/);
          expect(copy.sentence).not.toMatch(/[{}]/);
          if (reason === 'ok') expect(copy.fix).toBeUndefined();
        }
  });

  it('tells Linux users the command and desktop users the app', () => {
    const linux = describeHealth(health('docker', 'not_running'), 'linux');
    expect(linux.sentence).toBe('Docker is not running.');
    expect(linux.command).toBe('sudo systemctl start docker');
    for (const platform of ['darwin', 'win32'] as const) {
      const desktop = describeHealth(health('docker', 'not_running'), platform);
      expect(desktop.fix).toContain('Start Docker Desktop');
      expect(desktop.command).toBeUndefined();
    }
    expect(describeHealth(health('docker', 'not_installed'), 'linux').fix).toContain('docker.io');
    expect(describeHealth(health('docker', 'not_installed'), 'darwin').fix).toContain('Docker Desktop');
    expect(describeHealth(health('docker', 'permission_denied'), 'linux').fix).toContain('docker group');
  });

  it('names the component in fallback sentences', () => {
    expect(describeHealth(health('multipass', 'timed_out'), 'linux').sentence).toBe(
      'Multipass did not answer in time.',
    );
  });

  it('says what level 4 needs the VM tools for, and what no GPU means', () => {
    expect(describeHealth(health('multipass', 'not_installed'), 'linux').fix).toContain('Level 4');
    expect(describeHealth(health('lima', 'not_installed'), 'darwin').command).toBe('brew install lima');
    for (const reason of ['not_installed', 'no_gpu'] as const)
      expect(describeHealth(health('nvidia', reason), 'linux').sentence).toBe(
        'No NVIDIA GPU found; models will run on the CPU.',
      );
    expect(describeHealth(health('engine', 'not_installed'), 'linux').fix).toContain('without Docker');
  });
});

describe('toneOf', () => {
  it('asks for attention only where it matters', () => {
    expect(toneOf(health('docker', 'ok'))).toBe('ok');
    expect(toneOf(health('docker', 'not_running'))).toBe('warn');
    expect(toneOf(health('lima', 'not_installed'))).toBe('off');
    expect(toneOf(health('nvidia', 'failed'))).toBe('error');
    expect(toneOf({ id: 'docker', status: 'missing', reason: 'insecure_endpoint' })).toBe('error');
  });
});

describe('helpers', () => {
  it('looks up the platform first, then desktop, then any', () => {
    expect(keyCandidates('k', 'darwin')).toEqual(['k.darwin', 'k.desktop', 'k']);
    expect(keyCandidates('k', 'linux')).toEqual(['k.linux', 'k']);
  });

  it('answers the three first questions', () => {
    const answers = readiness([health('docker', 'ok'), health('lima', 'ok'), health('nvidia', 'no_gpu')]);
    expect(answers.map((a) => a.tone)).toEqual(['ok', 'ok', 'off']);
    expect(readiness([])[0]).toEqual({ key: 'setup.notReadyLevels', tone: 'warn' });
  });

  it('shows GPU memory in GB', () => {
    expect(formatGiB(81559)).toBe('79.6');
    expect(formatGiB(8192)).toBe('8');
  });
});
