import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { callNames, calls, type CallName } from '../../shared/contract';
import { AirlockError } from './errors';
import { createRouter, type Handlers } from './router';

type Spy = ReturnType<typeof vi.fn>;
const ctx = { role: 'admin' as const };

function spyHandlers(): { handlers: Handlers; spies: Record<CallName, Spy> } {
  const spies = Object.fromEntries(callNames.map((name) => [name, vi.fn()])) as Record<CallName, Spy>;
  return { handlers: spies as unknown as Handlers, spies };
}

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  maxLength?: number;
}

/** A valid input for each call with required fields, so each bad case differs from it in one field only. */
const validBase: Partial<Record<CallName, Record<string, unknown>>> = {
  'sandbox.setLevel': { level: 1 },
  'sandbox.pullImage': { image: 'ollama/ollama:0.20.2' },
  'sandbox.loadImage': { path: '/tmp/runtime.tar' },
  'chat.send': { text: 'hello' },
  'models.import': { path: '/tmp/model.gguf', sha256: 'a'.repeat(64) },
  'models.importStatus': { operationId: 'op-1' },
  'models.cancelImport': { operationId: 'op-1' },
  'models.delete': { id: 'model-1' },
  'app.openLink': { url: 'https://example.com/' },
  'chat.history': { conversationId: 'c-1' },
};
const baseOf = (call: CallName): Record<string, unknown> => validBase[call] ?? {};

/** Bad inputs derived from a call's input schema, each with the field its message must name. */
function badInputs(call: CallName): { label: string; input: unknown; field?: string }[] {
  const schema = z.toJSONSchema(calls[call].input, { io: 'input' }) as JsonSchema;
  const base = baseOf(call);
  const cases: { label: string; input: unknown; field?: string }[] = [
    { label: 'null', input: null },
    { label: 'a number', input: 42 },
    { label: 'a string', input: 'hello' },
    { label: 'a list', input: [] },
    { label: 'undefined', input: undefined },
    { label: 'an unknown field', input: { ...base, surprise: 1 }, field: 'surprise' },
    {
      label: '__proto__ key',
      input: JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
      field: '__proto__',
    },
    {
      label: 'constructor key',
      input: { constructor: { prototype: { polluted: true } } },
      field: 'constructor',
    },
    { label: 'deep nesting', input: JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)) as unknown },
  ];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const wrong: unknown[] =
      field.type === 'string'
        ? [7, true, {}, [], null]
        : field.type === 'boolean'
          ? ['yes', 1, {}, null]
          : ['7', {}, null];
    for (const value of wrong)
      cases.push({
        label: `${name} = ${JSON.stringify(value)}`,
        input: { ...base, [name]: value },
        field: name,
      });
    if (field.maxLength !== undefined) {
      cases.push({
        label: `${name} too long`,
        input: { ...base, [name]: 'x'.repeat(field.maxLength + 1) },
        field: name,
      });
      cases.push({ label: `${name} 2 MB`, input: { ...base, [name]: 'x'.repeat(2_000_000) }, field: name });
    }
    cases.push({
      label: `nested __proto__ in ${name}`,
      input: { ...base, [name]: JSON.parse('{"__proto__":1}') as unknown },
      field: `${name}.__proto__`,
    });
  }
  for (const name of schema.required ?? []) {
    const { [name]: _dropped, ...rest } = base;
    cases.push({ label: `${name} missing`, input: rest, field: name });
  }
  return cases;
}

describe('router', () => {
  it('has a valid base input for every call with required fields', () => {
    for (const call of callNames) expect(calls[call].input.safeParse(baseOf(call)).success, call).toBe(true);
  });

  for (const call of callNames) {
    describe(call, () => {
      for (const bad of badInputs(call)) {
        it(`refuses ${bad.label} as invalid_input without calling the service`, async () => {
          const { handlers, spies } = spyHandlers();
          const envelope = await createRouter(handlers, () => undefined).dispatch(call, bad.input, ctx);
          expect(envelope.ok).toBe(false);
          if (envelope.ok) return;
          expect(envelope.error.code).toBe('invalid_input');
          expect(envelope.error.message).toMatch(/^[A-Z].*\.$/);
          if (bad.field) expect(envelope.error.message).toContain(`\`${bad.field}`);
          expect(spies[call]).not.toHaveBeenCalled();
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        });
      }
    });
  }

  it('names the field and the expected type in one sentence', async () => {
    const { handlers } = spyHandlers();
    const envelope = await createRouter(handlers, () => undefined).dispatch('app.ping', { note: 5 }, ctx);
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'The field `note` must be a string, not a number.' },
    });
  });

  it('answers unknown calls, including prototype names, as unknown_call', async () => {
    const { handlers } = spyHandlers();
    const router = createRouter(handlers, () => undefined);
    for (const name of ['app.nope', '__proto__', 'constructor', 'toString', 42, null]) {
      const envelope = await router.dispatch(name, {}, ctx);
      expect(envelope.ok ? 'ok' : envelope.error.code).toBe('unknown_call');
    }
  });

  it('never throws past the router, whatever arrives', async () => {
    const { handlers } = spyHandlers();
    const router = createRouter(handlers, () => undefined);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...callNames), fc.string()),
        fc.anything(),
        async (call, input) => {
          const envelope = await router.dispatch(call, input, ctx);
          expect(typeof envelope.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('passes a valid call through and checks the output against the contract', async () => {
    const { handlers, spies } = spyHandlers();
    spies['app.ping'].mockReturnValue({ note: 'hi', at: 1 });
    const router = createRouter(handlers, () => undefined);
    expect(await router.dispatch('app.ping', { note: 'hi' }, ctx)).toEqual({
      ok: true,
      value: { note: 'hi', at: 1 },
    });
    expect(spies['app.ping']).toHaveBeenCalledWith({ note: 'hi' }, ctx);
    spies['app.ping'].mockReturnValue({ note: 'hi', at: 1, hostPath: '/root/secret' });
    const stripped = await router.dispatch('app.ping', { note: 'hi' }, ctx);
    expect(stripped).toEqual({ ok: true, value: { note: 'hi', at: 1 } });
    spies['app.ping'].mockReturnValue({ note: 3 });
    const broken = await router.dispatch('app.ping', {}, ctx);
    expect(broken.ok ? 'ok' : broken.error.code).toBe('internal');
  });

  it('reports a service failure as a sentence, never a stack or a host path', async () => {
    const { handlers, spies } = spyHandlers();
    const logged: unknown[] = [];
    const router = createRouter(handlers, (_m, e) => logged.push(e));
    spies['app.info'].mockRejectedValue(
      new Error('ENOENT: /home/alice/.secret at Object.<anonymous> (file.js:1:1)'),
    );
    const envelope = await router.dispatch('app.info', {}, ctx);
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('internal');
    expect(JSON.stringify(envelope)).not.toMatch(/alice|ENOENT|at Object/);
    expect(logged).toHaveLength(1);
    spies['app.info'].mockRejectedValue(new AirlockError('unavailable', 'Docker is not running.'));
    expect(await router.dispatch('app.info', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Docker is not running.' },
    });
  });

  it("refuses a call above the caller's role before validating or running it", async () => {
    const service = vi.fn(() => ({ done: true }));
    const contract = {
      'level.set': {
        minRole: 'admin' as const,
        input: z.strictObject({ level: z.number() }),
        output: z.object({ done: z.boolean() }),
      },
    };
    const router = createRouter({ 'level.set': service } as unknown as Handlers, () => undefined, contract);
    const kid = await router.dispatch('level.set', { level: 1 }, { role: 'kid' });
    expect(kid.ok ? 'ok' : kid.error.code).toBe('forbidden');
    expect(service).not.toHaveBeenCalled();
    expect(await router.dispatch('level.set', { level: 1 }, { role: 'admin' })).toEqual({
      ok: true,
      value: { done: true },
    });
  });
});
