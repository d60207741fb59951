// Precision and recall of "seen before" on labelled pairs, at both thresholds: the
// unit test holds the floor, the bench reports the figures.
import { compareClaims, prepareClaim } from '../../../src/shared/memory/claim-match';

export interface LabelledPair {
  kind: 'paraphrase' | 'changed-figure' | 'changed-name' | 'related' | 'short';
  match: boolean;
  earlier: string;
  draft: string;
  changed?: { from: string; to: string };
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  /** Pairs predicted at this level or above. */
  predicted: number;
}

export interface PairScore {
  same: PrecisionRecall;
  possibly: PrecisionRecall;
  /** Per kind: how many pairs came out same / possibly / no match. */
  byKind: Record<string, { same: number; possibly: number; none: number }>;
  /** Matched pairs with a changed figure whose difference was called out, of those matched. */
  calledOut: { shown: number; of: number };
}

export function scorePairs(pairs: readonly LabelledPair[]): PairScore {
  const results = pairs.map((p) => ({ p, r: compareClaims(prepareClaim(p.earlier), prepareClaim(p.draft)) }));
  const positives = pairs.filter((p) => p.match).length;
  const at = (accept: (level: string | null) => boolean): PrecisionRecall => {
    const predicted = results.filter(({ r }) => accept(r.level));
    const right = predicted.filter(({ p }) => p.match).length;
    return { precision: predicted.length ? right / predicted.length : 1, recall: positives ? right / positives : 1, predicted: predicted.length };
  };
  const byKind: PairScore['byKind'] = {};
  for (const { p, r } of results) {
    const row = (byKind[p.kind] ??= { same: 0, possibly: 0, none: 0 });
    row[r.level ?? 'none'] += 1;
  }
  const changed = results.filter(({ p, r }) => p.changed && r.level);
  const shown = changed.filter(({ p, r }) => r.differences.some((d) => d.earlier?.includes(p.changed!.from) && d.draft?.includes(p.changed!.to)));
  return {
    same: at((l) => l === 'same'),
    possibly: at((l) => l !== null),
    byKind,
    calledOut: { shown: shown.length, of: changed.length },
  };
}
