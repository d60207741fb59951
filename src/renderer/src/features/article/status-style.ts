import type { Status } from '../../../../shared/model';

/** How each status reads on screen: a word and an icon, so colour is never the only signal. */
export const STATUS_TEXT: Record<Status, { label: string; icon: string; key: string }> = {
  unchecked: { label: 'Unchecked', icon: '○', key: 'U' },
  verified: { label: 'Verified', icon: '✓', key: 'V' },
  disputed: { label: 'Disputed', icon: '✕', key: 'D' },
  sourced: { label: 'Sourced', icon: '§', key: 'S' },
};

export const MARKING_ORDER: Status[] = ['verified', 'disputed', 'sourced', 'unchecked'];
