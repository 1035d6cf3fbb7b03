// The only file that touches ipcMain (EL-05; Electron security checklist item
// 17): one invoke handler for the whole contract, plus subscribe/unsubscribe,
// each checking first that the sender is Airlock's own top frame. Payloads
// are validated by the core's router against shared/contract.ts.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Envelope } from '../../shared/contract';
import type { Core } from '../core/services';
import { ipcChannels } from '../core/shell-policy/ipc-channels';
import { validateSender, type SenderFrame } from '../core/shell-policy/validate-sender';
import { EventForwarder } from './event-forwarder';

const refused: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Only Airlock’s own window may call the core.' },
};

/** Binds the contract to ipcMain; returns the function that unbinds it. */
export function bindIpc(
  core: Pick<Core, 'router' | 'events' | 'context'>,
  log: (line: string) => void,
): () => void {
  const forwarder = new EventForwarder(core.events, ipcChannels.event);
  const tracked = new WeakSet<WebContents>();

  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => {
    const verdict = validateSender(senderFrame(event));
    if (!verdict.ok) log(`refused an IPC message from ${event.sender.id}: ${verdict.reason}`);
    return verdict.ok;
  };

  // A window's subscriptions end when it closes. A reloaded document's preload sends a reset first,
  // in order with its own subscriptions; clearing on did-start-navigation instead would also fire for
  // navigations that will-navigate then blocks, silently cutting a live page off its events.
  const track = (contents: WebContents): void => {
    if (tracked.has(contents)) return;
    tracked.add(contents);
    const id = contents.id;
    contents.once('destroyed', () => forwarder.clear(id));
  };

  ipcMain.handle(ipcChannels.invoke, (event, call: unknown, input: unknown) =>
    trusted(event) ? core.router.dispatch(call, input, core.context()) : refused,
  );
  ipcMain.on(ipcChannels.subscribe, (event, name: unknown) => {
    if (!trusted(event)) return;
    const contents = event.sender;
    const sink = {
      id: contents.id,
      isDestroyed: () => contents.isDestroyed(),
      send: (channel: string, eventName: string, payload: unknown) =>
        contents.send(channel, eventName, payload),
    };
    if (forwarder.subscribe(sink, name)) track(contents);
  });
  ipcMain.on(ipcChannels.unsubscribe, (event, name: unknown) => {
    if (trusted(event)) forwarder.unsubscribe(event.sender.id, name);
  });
  ipcMain.on(ipcChannels.reset, (event) => {
    if (trusted(event)) forwarder.clear(event.sender.id);
  });

  return () => {
    ipcMain.removeHandler(ipcChannels.invoke);
    ipcMain.removeAllListeners(ipcChannels.subscribe);
    ipcMain.removeAllListeners(ipcChannels.unsubscribe);
    ipcMain.removeAllListeners(ipcChannels.reset);
    forwarder.dispose();
  };
}

/** Plain data for validateSender; a frame that navigated away or was destroyed reads as null. */
function senderFrame(event: IpcMainEvent | IpcMainInvokeEvent): SenderFrame | null {
  try {
    const frame = event.senderFrame;
    return frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
  } catch {
    return null;
  }
}
