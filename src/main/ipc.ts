// The contract over Electron IPC: one channel per operation, and the sender's
// frame must be the app's own page before any handler runs (security.ts).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Backend } from '../backend/backend';
import { OP_NAMES } from '../shared/contract';
import { isTrustedSender } from './security';

export function registerIpc(backend: Backend, devServer: string | undefined): void {
  for (const op of OP_NAMES) {
    ipcMain.handle(op, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event, op, devServer)) {
        return { ok: false, error: { message: 'Refused: the request did not come from Factdesk’s window.', code: 'refused' } };
      }
      return backend.invoke(op, input);
    });
  }
}
