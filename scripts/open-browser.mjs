// Opens an address in the person's default browser, the way create-react-app and
// other dev servers do: BROWSER names a program to use instead, and BROWSER=none
// opens nothing (tests, remote shells). Failing to open is never an error: the
// address is printed either way.
import { spawn } from 'node:child_process';

/** The command that opens `url` here, or null when there is none (or it was declined). */
export function browserCommand(url, platform = process.platform, env = process.env) {
  const chosen = env.BROWSER?.trim();
  if (chosen && chosen.toLowerCase() === 'none') return null;
  if (chosen) return { command: chosen, args: [url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is a window title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')], verbatim: true };
  // Without a display, xdg-open would fall back to a text browser in this terminal.
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return { command: 'xdg-open', args: [url] };
}

/** Resolves true once the opener has started, false when there is none or it could not start. */
export function openBrowser(url) {
  const opener = browserCommand(url);
  if (!opener) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(opener.command, opener.args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: opener.verbatim === true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
