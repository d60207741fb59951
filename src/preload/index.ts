// Exposes one named function per contract operation, and nothing else: the
// page never sees ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { OP_NAMES } from '../shared/contract';

const bridge = Object.freeze(
  Object.fromEntries(OP_NAMES.map((op) => [op, (input: unknown) => ipcRenderer.invoke(op, input)])),
);

contextBridge.exposeInMainWorld('factdesk', bridge);
