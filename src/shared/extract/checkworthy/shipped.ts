// The shipped model: weights.ts, decoded once on first use.
import type { SetAsideKind } from '../../model';
import type { ClaimFacts } from './features';
import { checkWorthiness, modelFromData, type Model } from './model';
import { CHECKWORTHY_WEIGHTS } from './weights';

let cached: Model | undefined;

export function checkworthyModel(): Model {
  cached ??= modelFromData(CHECKWORTHY_WEIGHTS);
  return cached;
}

/** A claim's check-worthiness in 0..1 (set-aside text: under 0.01, below every claim). */
export function scoreFacts(facts: ClaimFacts, setAside?: SetAsideKind): number {
  return checkWorthiness(facts, checkworthyModel(), setAside);
}
