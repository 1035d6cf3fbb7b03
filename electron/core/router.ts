// The one door into the core: validates a call against the contract, checks
// the caller's role, runs the service and always answers with an envelope.
import {
  calls,
  roles,
  type CallName,
  type CallOutput,
  type Envelope,
  type Role,
} from '../../shared/contract';
import type { z } from 'zod';
import { AirlockError, internalError } from './errors';
import { describeIssue, findHostileShape } from './input-issues';

export interface CallContext {
  /** The active profile's role, decided by the core, never by the caller. */
  role: Role;
}

type ParsedInput<C extends CallName> = z.output<(typeof calls)[C]['input']>;

/** A handler for every call: a missing one does not compile. */
export type Handlers = {
  [C in CallName]: (input: ParsedInput<C>, ctx: CallContext) => Promise<CallOutput<C>> | CallOutput<C>;
};

export type Logger = (message: string, error?: unknown) => void;

export interface Router {
  dispatch(call: unknown, input: unknown, ctx: CallContext): Promise<Envelope<unknown>>;
}

const rank = (role: Role): number => roles.indexOf(role);

/** What the router needs to know of a call; tests may pass a contract of their own. */
export type CallDefs = Record<string, { minRole: Role; input: z.ZodType; output: z.ZodType }>;

export function createRouter(handlers: Handlers, log: Logger, contract: CallDefs = calls): Router {
  const known = (name: unknown): name is CallName =>
    typeof name === 'string' && Object.hasOwn(contract, name);
  return {
    async dispatch(call, input, ctx) {
      try {
        if (!known(call)) {
          return fail(
            'unknown_call',
            `Airlock has no call named ${JSON.stringify(String(call).slice(0, 100))}.`,
          );
        }
        const def = contract[call]!;
        if (rank(ctx.role) < rank(def.minRole)) {
          return fail('forbidden', 'This profile is not allowed to do that. Ask a parent to unlock Airlock.');
        }
        const hostile = findHostileShape(input);
        if (hostile) return fail('invalid_input', hostile);
        const parsed = def.input.safeParse(input);
        if (!parsed.success) {
          const first = parsed.error.issues[0];
          return fail('invalid_input', first ? describeIssue(first, input) : 'The input is not valid.');
        }
        const handler = handlers[call] as (i: unknown, c: CallContext) => unknown;
        const value = await handler(parsed.data, ctx);
        const checked = def.output.safeParse(value);
        if (!checked.success) {
          log(`output of ${call} does not match the contract`, checked.error);
          return { ok: false, error: internalError };
        }
        return { ok: true, value: checked.data };
      } catch (error) {
        if (error instanceof AirlockError) return { ok: false, error: error.toContract() };
        log(`call ${String(call)} failed`, error);
        return { ok: false, error: internalError };
      }
    },
  };
}

function fail(code: 'unknown_call' | 'forbidden' | 'invalid_input', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
