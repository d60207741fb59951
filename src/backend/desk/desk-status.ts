// The sync status a checker always sees, in one sentence: synced; N changes
// waiting; offline since a given time; or the last error.
import type { DeskConfig } from './desk-state';

export interface DeskStatus {
  state: 'never' | 'synced' | 'waiting' | 'offline' | 'error';
  waiting: number;
  sentence: string;
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** `at` as a checker reads it on this machine: 2026-05-04 14:03. */
function when(at: string): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function deskStatus(config: DeskConfig, waiting: number): DeskStatus {
  const queued = `${plural(waiting, 'change')} waiting`;
  if (config.offlineSince) return { state: 'offline', waiting, sentence: `Offline since ${when(config.offlineSince)}; ${queued}.` };
  if (config.lastError) return { state: 'error', waiting, sentence: `Sync failed: ${config.lastError}` };
  if (!config.lastSyncAt) return { state: 'never', waiting, sentence: `Not synced yet with ${config.url}; ${queued}.` };
  if (waiting > 0) return { state: 'waiting', waiting, sentence: `${queued[0]!.toUpperCase()}${queued.slice(1)} (last synced ${when(config.lastSyncAt)}).` };
  return { state: 'synced', waiting, sentence: `Synced with ${config.url} at ${when(config.lastSyncAt)}.` };
}
