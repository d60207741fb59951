// Security wiring in one place: navigation, popups, webviews, permissions and
// the one gateway to the system browser.
import { shell, type Session, type WebContents } from 'electron';
import { allowPermission, isAppUrl, isSafeExternalUrl } from './security-policy';

export function safeOpenExternal(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
}

export function hardenContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    safeOpenExternal(url);
    return { action: 'deny' };
  });
}
