// The hand-tuned check-worthiness formula Factdesk used before the learned model
// (model.ts). Kept only as the baseline the training script and the extraction bench
// measure the model against; extraction no longer calls it.
import type { Label, Section } from '../../model';
import type { SpanFindings } from '../spans';

export function formulaScore(claim: string, section: Section, labels: readonly Label[], f: Pick<SpanFindings, 'numbers' | 'dates' | 'names'>): number {
  let words = 1;
  for (let i = 0; i < claim.length; i++) if (claim.charCodeAt(i) === 32) words++;
  let s = 0.25;
  s += Math.min(f.numbers, 3) * 0.12;
  s += Math.min(f.dates, 2) * 0.08;
  s += Math.min(f.names, 3) * 0.06;
  if (labels.includes('attribution')) s += 0.04;
  if (labels.includes('quote')) s += 0.04;
  if (labels.includes('prediction')) s -= 0.12;
  if (labels.includes('opinion')) s -= 0.15;
  if (f.numbers + f.dates + f.names === 0) s -= 0.1;
  if (words < 6) s -= 0.12;
  else if (words >= 12) s += 0.04;
  if (claim.endsWith('?') || claim.endsWith('?”') || claim.endsWith('?"')) s -= 0.08;
  // Bylines and headlines are checked, but they restate what the body says.
  if (section === 'byline' || section === 'headline' || section === 'dek') s -= 0.05;
  if (s < 0.01) s = 0.01;
  if (s > 0.99) s = 0.99;
  return Math.round(s * 1000) / 1000;
}
