// Security wiring in one place: the app:// protocol, the IPC sender check,
// navigation, popups, webviews, permissions, the one gateway to the system
// browser, and a log line for everything refused. (The window's options are in
// create-window.ts, where electronegativity reads them.)
import { readFile, stat } from 'node:fs/promises';
import { protocol, shell, type IpcMainInvokeEvent, type Session, type WebContents } from 'electron';
import { appFileFor, appFileHeaders } from './app-protocol-policy';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  allowPermission,
  isAppUrl,
  isSafeExternalUrl,
  refusalLogLine,
} from './security-policy';

function logRefusal(action: string, target: string, reason: string): void {
  console.warn(refusalLogLine(action, target, reason));
}

export function safeOpenExternal(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

/** Must run before the app is ready: Chromium learns its schemes at start. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** Serves the built renderer (the files under `rendererDir`, and nothing else) on app://factdesk/. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? appFileFor(request.url, rendererDir) : undefined;
    if (!file) {
      logRefusal('app file', `${request.method} ${request.url}`, 'not a file of Factdesk’s page');
      return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    try {
      // The folder is the app's own build: a file that is missing or not a regular file is simply not found.
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      return new Response(await readFile(file), { status: 200, headers: appFileHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
  });
}

/** The IPC sender check: the calling frame must be Factdesk's page (the dev server only in development). */
export function isTrustedSender(event: IpcMainInvokeEvent, op: string, devServer: string | undefined): boolean {
  const frameUrl = event.senderFrame?.url ?? '';
  if (isAppUrl(frameUrl, devServer)) return true;
  logRefusal(`IPC ${op} from`, frameUrl, 'the request did not come from Factdesk’s page');
  return false;
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = allowPermission(permission);
    if (!allowed) logRefusal(`permission ${permission} for`, details.requestingUrl ?? '', 'Factdesk needs no permissions');
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
}

export function hardenContents(contents: WebContents, devServer: string | undefined): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, devServer)) return;
    event.preventDefault();
    logRefusal('navigation to', url, 'not Factdesk’s page (links open in the system browser)');
  });
  contents.on('will-redirect', (event, url) => {
    if (isAppUrl(url, devServer)) return;
    event.preventDefault();
    logRefusal('redirect to', url, 'not Factdesk’s page');
  });
  contents.on('will-attach-webview', (event, _preferences, params) => {
    event.preventDefault();
    logRefusal('webview for', params.src ?? '', 'Factdesk uses no webviews');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const external = isSafeExternalUrl(url);
    logRefusal('new window for', url, external ? 'opened in the system browser instead' : 'not a web link');
    safeOpenExternal(url);
    return { action: 'deny' };
  });
}
