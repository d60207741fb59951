// The contract over Electron IPC: one channel per operation, and the sender's
// frame must be the app's own page before any handler runs.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Backend } from '../backend/backend';
import { OP_NAMES } from '../shared/contract';
import { isAppUrl } from './security-policy';

export function registerIpc(backend: Backend, appUrl: string): void {
  for (const op of OP_NAMES) {
    ipcMain.handle(op, (event: IpcMainInvokeEvent, input: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl, appUrl)) {
        return { ok: false, error: { message: 'Refused: the request did not come from Factdesk’s window.', code: 'refused' } };
      }
      return backend.invoke(op, input);
    });
  }
}
