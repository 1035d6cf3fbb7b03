// TX-03's static half: the lint gate fires on every way product code could
// drop a model volume, and stays quiet on the removal Airlock does use.
import { describe, expect, it } from 'vitest';
import { lintSnippet } from '../testing/lint-snippet';

async function volumeErrors(code: string, file = 'electron/core/sandbox/docker-sandbox.ts'): Promise<number> {
  return (await lintSnippet(file, code)).filter((m) => m.ruleId === 'volumes/keep-model-volumes').length;
}

describe('keep-model-volumes lint (TX-03)', () => {
  it.each([
    [
      'container removed with its volumes',
      'declare const c: { remove(o: object): void };\nc.remove({ force: true, v: true });\n',
    ],
    ['RemoveVolumes', 'export const o = { RemoveVolumes: true };\n'],
    [
      'volume removal',
      "declare const d: { getVolume(n: string): { remove(): void } };\nd.getVolume('m').remove();\n",
    ],
    ['volume prune', 'declare const d: { pruneVolumes(): void };\nd.pruneVolumes();\n'],
    ['a CLI volume rm', "export const cmd = 'docker volume rm airlock-models';\n"],
    ['a compose down -v', 'export const cmd = `docker compose down -v`;\n'],
  ])('refuses %s in product code', async (_label, code) => {
    expect(await volumeErrors(code)).toBeGreaterThan(0);
  });

  it('allows removing a container without its volumes, and tests cleaning up their own', async () => {
    expect(
      await volumeErrors(
        'declare const c: { remove(o: object): void };\nc.remove({ force: true, v: false });\n',
      ),
    ).toBe(0);
    const cleanup =
      "declare const d: { getVolume(n: string): { remove(): void } };\nd.getVolume('t').remove();\n";
    expect(await volumeErrors(cleanup, 'electron/core/sandbox/testing/docker-kit.ts')).toBe(0);
  });
});
