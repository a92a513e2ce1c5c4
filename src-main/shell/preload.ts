/**
 * The renderer's only door to the main process: a frozen object of named functions. No
 * generic channel, no ipcRenderer, no process. The functions arrive with the IPC contract.
 */
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('advisor', Object.freeze({}));
