/**
 * The renderer's only door to the main process: a frozen object with one named function per
 * IPC channel and one subscribe function per event. No generic channel, no ipcRenderer, no
 * process. The main process validates every argument again; this only carries them.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_GLOBAL, CHANNELS, EVENTS, subscriberName } from '../ipc/channels.js';

const api: Record<string, unknown> = {};
for (const channel of CHANNELS) {
  api[channel] = (args: unknown) => ipcRenderer.invoke(channel, args);
}
for (const event of EVENTS) {
  api[subscriberName(event)] = (listener: (payload: unknown) => void) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => ipcRenderer.removeListener(event, forward);
  };
}
contextBridge.exposeInMainWorld(API_GLOBAL, Object.freeze(api));
