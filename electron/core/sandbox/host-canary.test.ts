// The production canary: found on this machine's docker0 address even while
// docker0 is down, reachable from a level 1 sandbox on the default bridge.
import { describe, expect, it } from 'vitest';
import { bridgeGateway, withHostCanary } from './host-canary';
import { docker } from './testing/docker-kit';

describe('host canary', () => {
  it('listens on the default bridge gateway for the length of one piece of work', async () => {
    const gateway = await bridgeGateway(docker);
    expect(gateway).toMatch(/^\d+\.\d+\.\d+\.1$/);
    const seen = await withHostCanary(docker, (canaries) => Promise.resolve(canaries));
    expect(seen).toEqual([{ host: gateway, port: expect.any(Number) as unknown }]);
    expect(seen[0]!.port).toBeGreaterThan(0);
  });

  it('runs the work without a canary when the address is not this machine’s', async () => {
    const fake = {
      getNetwork: () => ({
        inspect: () => Promise.resolve({ IPAM: { Config: [{ Gateway: '192.0.2.254' }] } }),
      }),
    };
    const seen = await withHostCanary(fake as never, (canaries) => Promise.resolve(canaries));
    expect(seen).toEqual([]);
  });
});
