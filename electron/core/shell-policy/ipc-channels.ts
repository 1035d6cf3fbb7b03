// The IPC channel names shared by the preload and electron/main/ipc.ts. The
// renderer never names a channel: it sees only contract calls and events (EL-05).
export const ipcChannels = {
  /** invoke(call, input) -> Envelope */
  invoke: 'airlock:invoke',
  /** send(eventName): start forwarding this contract event to the sending window */
  subscribe: 'airlock:sub',
  /** send(eventName): stop forwarding it */
  unsubscribe: 'airlock:unsub',
  /** send(): a new document's preload starts with no subscriptions; drop any left from the last one */
  reset: 'airlock:reset',
  /** main -> window: (eventName, payload) */
  event: 'airlock:event',
} as const;
