// The renderer's one door to the core. Stores call this; components never do.
// It picks the carrier (Electron bridge or `serve` socket), unwraps envelopes
// and throws ApiError, whose message is a sentence the UI can show as is.
import type {
  AirlockBridge,
  CallInput,
  CallName,
  CallOutput,
  ContractError,
  ErrorCode,
  EventName,
  EventPayload,
} from '../../shared/contract';
import { bridgeCarrier, type Carrier, type ConnectionState } from './api-carrier';
import { socketCarrier } from './api-socket';
import { t } from './i18n/t';

export type { ConnectionState };

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ContractError['details'],
  ) {
    super(message);
  }
}

export interface Api {
  call<C extends CallName>(call: C, input: CallInput<C>): Promise<CallOutput<C>>;
  /** Returns the function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  connection: {
    get(): ConnectionState;
    subscribe(listener: (state: ConnectionState) => void): () => void;
  };
}

export function createApi(carrier: Carrier): Api {
  return {
    async call<C extends CallName>(call: C, input: CallInput<C>): Promise<CallOutput<C>> {
      let envelope;
      try {
        envelope = await carrier.invoke(call, input);
      } catch {
        // A carrier should answer with an envelope; if it throws, the user still gets a sentence.
        throw new ApiError('internal', t('error.unexpected'));
      }
      if (envelope.ok) return envelope.value as CallOutput<C>;
      const { code, message, details } = envelope.error;
      throw new ApiError(code, message || t('error.unexpected'), details);
    },
    on: (event, listener) => carrier.on(event, (payload) => listener(payload as EventPayload<typeof event>)),
    connection: { get: () => carrier.state(), subscribe: (listener) => carrier.onState(listener) },
  };
}

/** The sentence to show for any failure: ours when it is an ApiError, a kind generic one otherwise. */
export function errorSentence(error: unknown): string {
  return error instanceof ApiError ? error.message : t('error.unexpected');
}

type AirlockWindow = Window & { airlock?: AirlockBridge };

/** Electron's preload bridge when present, otherwise the `serve` socket on this page's own host. */
export function connectApi(win: Window, token: string | undefined): Api {
  const bridge = (win as AirlockWindow).airlock;
  if (bridge) return createApi(bridgeCarrier(bridge));
  const { protocol, host, origin } = win.location;
  return createApi(
    socketCarrier({
      url: `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/ws`,
      token,
      createSocket: (url, protocols) => new WebSocket(url, protocols),
      serverAnswers: () =>
        fetch(`${origin}/`, { method: 'HEAD', cache: 'no-store' })
          .then((response) => response.ok)
          .catch(() => false),
    }),
  );
}

let current: Api | undefined;

/** main.tsx sets the api once; tests may set a fake. */
export function setApi(api: Api): void {
  current = api;
}

export function getApi(): Api {
  if (!current) throw new Error('The api is used before main.tsx connected it.');
  return current;
}
