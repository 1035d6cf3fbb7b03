// The sandboxed preload: window.airlock = createBridge(ipcRenderer adapter),
// and nothing else reaches the page (EL-05; Electron security checklist item 20).
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannels } from '../core/shell-policy/ipc-channels';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'airlock',
  createBridge({
    invoke: (call, input) => ipcRenderer.invoke(ipcChannels.invoke, call, input) as Promise<unknown>,
    subscribe: (event) => ipcRenderer.send(ipcChannels.subscribe, event),
    unsubscribe: (event) => ipcRenderer.send(ipcChannels.unsubscribe, event),
    reset: () => ipcRenderer.send(ipcChannels.reset),
    onEvent: (listener) => {
      ipcRenderer.on(ipcChannels.event, (_event, name: unknown, payload: unknown) => listener(name, payload));
    },
  }),
);
