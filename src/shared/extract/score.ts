// Check-worthiness in 0..1, so a checker can sort by what matters most: the model learned
// from the ClaimBuster benchmark (checkworthy/), reading the claim's words and what the
// extractor found in it (spans, labels, section). Specific, factual claims (figures, dates,
// named people doing things) rank above predictions, opinion and vague sentences;
// headlines rank with the body claims they summarise; set-aside text scores below every
// claim. checkworthy/explain.ts says why, in words.
import type { Label, Section, SetAsideKind } from '../model';
import { scoreFacts } from './checkworthy';
import type { SpanFindings } from './spans';

export function scoreClaim(claim: string, section: Section, labels: readonly Label[], f: SpanFindings, setAside?: SetAsideKind): number {
  return scoreFacts({ text: claim, section, labels, spans: f.spans }, setAside);
}
