// Where a front door keeps the desk password between syncs. Never the data folder
// in clear: the desktop app encrypts it with Electron's safeStorage (src/main/
// desk-password.ts); the browser shell and the CLI read FACTDESK_DESK_PASSWORD, and a
// password typed into "Join a desk…" there lives in memory until the process ends.
export const PASSWORD_VARIABLE = 'FACTDESK_DESK_PASSWORD';

export interface PasswordKeeper {
  /** The password to sync with, or undefined when this front door knows none. */
  get(): Promise<string | undefined>;
  /** Keeps the password a join was accepted with, as safely as this front door can. */
  keep(password: string): Promise<void>;
  /** Where it is kept, for the join's answer: “encrypted with the system keychain”. */
  readonly where: string;
}

/** The browser shell's and the CLI's keeper: the environment, else what was typed this session. */
export function environmentKeeper(env: NodeJS.ProcessEnv = process.env): PasswordKeeper {
  let typed: string | undefined;
  return {
    where: `in memory until Factdesk stops (set ${PASSWORD_VARIABLE} to sync after a restart)`,
    get: async () => typed ?? (env[PASSWORD_VARIABLE] || undefined),
    keep: async (password) => {
      typed = password;
    },
  };
}
