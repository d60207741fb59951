// The application menu's commands that reach the page, a fixed list shared by
// the main process (sender), the preload (the only channels it forwards) and the
// renderer (listener).
export const MENU_COMMANDS = ['menu:open-file', 'menu:export'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** A file the main process read after its native open dialog, as the import operations take it. */
export interface OpenedFile {
  fileName: string;
  /** The file's bytes, base64 (empty when `error` says why it was not read). */
  data: string;
  /** One sentence naming the file, when it could not be read (too large, gone). */
  error?: string;
}

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
