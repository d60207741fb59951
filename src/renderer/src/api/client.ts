// The renderer's only way to the backend: the preload's named functions in the
// desktop app, or same-origin HTTP in the browser shell (the session cookie set
// by the server carries the launch token).
import { apiOver, type Invoke } from '../../../shared/api-client';
import type { Api, Envelope, OpName } from '../../../shared/contract';
import type { MenuCommand, OpenedFile } from '../../../shared/menu-commands';

type Bridge = Record<OpName, (input: unknown) => Promise<Envelope<unknown>>>;

declare global {
  interface Window {
    /** The desktop app's contract bridge (see src/preload); absent in the browser shell. */
    factdesk?: Bridge;
    /** The desktop app's menu bridge (see src/preload); absent in the browser shell. */
    factdeskMenu?: { onMenuCommand(callback: (command: MenuCommand, file?: OpenedFile) => void): () => void };
  }
}

/**
 * Browsers let a request outlive its page (keepalive) only below 64 KiB; UTF-8
 * takes at most three bytes per UTF-16 unit, so this many units always fit.
 */
const KEEPALIVE_MAX_LENGTH = 20_000;

const httpInvoke: Invoke = async (op, input) => {
  let response: Response;
  try {
    const body = JSON.stringify(input);
    // Relative: the page lives under its launch's path, the only one its cookie is sent to.
    response = await fetch(`api/${op}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      credentials: 'same-origin',
      // A note saved as the page is closed or reloaded still reaches the server.
      keepalive: body.length <= KEEPALIVE_MAX_LENGTH,
    });
  } catch {
    return failure('Factdesk’s server cannot be reached; is “npm run serve” still running? Nothing was saved.');
  }
  if (response.status === 403) {
    return failure('This page’s access has expired: open the address that “npm run serve” printed. Nothing was saved.');
  }
  try {
    return (await response.json()) as Envelope<unknown>;
  } catch {
    return failure(`Factdesk’s server answered with an error (${response.status}). Nothing was saved.`);
  }
};

function failure(message: string): Envelope<unknown> {
  return { ok: false, error: { message, code: 'internal' } };
}

export const api: Api = apiOver(window.factdesk ? (op, input) => window.factdesk![op](input) : httpInvoke);

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
