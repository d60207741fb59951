// An exported HTML report opens in the system browser once it is saved, never
// in the app's window. The renderer's download (the export dialog) goes through
// Electron's save dialog; this watches for it finishing.
import { shell, type Session } from 'electron';
import { shouldOpenSavedReport } from './open-saved-report-policy';

export function openSavedReports(session: Session): void {
  session.on('will-download', (_event, item) => {
    item.once('done', (_done, state) => {
      const path = item.getSavePath();
      if (shouldOpenSavedReport(state, path)) void shell.openPath(path);
    });
  });
}
