// The messages `serve` carries over its WebSocket, shared by the server, the
// browser client and the CLI so all three read the same shapes.
import { z } from 'zod';
import { contractErrorSchema } from './contract';

/** WebSocket subprotocol the client offers; the server answers with it. */
export const wireProtocol = 'airlock.v1';
/** The token travels as a second subprotocol, so it stays out of URLs and request lines. */
export const tokenProtocolPrefix = 'airlock.token.';
/** Largest message either side accepts, in bytes. */
export const maxMessageBytes = 1024 * 1024;

export const clientMessageSchema = z.discriminatedUnion('t', [
  z.strictObject({
    t: z.literal('call'),
    id: z.number().int().nonnegative(),
    call: z.string().max(100),
    input: z.unknown(),
  }),
  z.strictObject({ t: z.literal('sub'), event: z.string().max(100) }),
  z.strictObject({ t: z.literal('unsub'), event: z.string().max(100) }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

const resultSchema = z.union([
  z.object({ t: z.literal('result'), id: z.number(), ok: z.literal(true), value: z.unknown() }),
  z.object({ t: z.literal('result'), id: z.number(), ok: z.literal(false), error: contractErrorSchema }),
]);
const eventSchema = z.object({ t: z.literal('event'), event: z.string(), payload: z.unknown() });

export const serverMessageSchema = z.union([resultSchema, eventSchema]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

/** Token format: 32 random bytes, base64url, valid as a subprotocol token. */
export const tokenPattern = /^[A-Za-z0-9_-]{43}$/;
