import { describe, expect, it } from 'vitest';
import { calls, events } from './contract';
import { contractCallNames, contractEventNames, isCallName, isEventName } from './contract-names';

describe('contract names without zod', () => {
  it('list exactly the contract calls and events', () => {
    expect([...contractCallNames].sort()).toEqual(Object.keys(calls).sort());
    expect([...contractEventNames].sort()).toEqual(Object.keys(events).sort());
  });

  it('accept only own names, never inherited ones', () => {
    expect(isCallName('app.ping')).toBe(true);
    expect(isEventName('app.heartbeat')).toBe(true);
    for (const name of ['__proto__', 'constructor', 'toString', 'app.nope', '', 7, null, {}]) {
      expect(isCallName(name)).toBe(false);
      expect(isEventName(name)).toBe(false);
    }
  });
});
