// The check-worthiness model's training (scripts/train-checkworthy.lib.ts) on the ClaimBuster
// benchmark in ../shared/corpus: it reads each sentence as extraction does, a fresh run
// reproduces the committed weights byte for byte, and the figures it recorded are what the
// shipped score gives. Skipped when the corpus is not next to the repository.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  auc, CLAIMBUSTER_PATH, f1At, heldOutRows, LAMBDA_GRID, loadClaimBuster, runTraining, toExamples, trainingRows, WEIGHTS_PATH,
} from '../../../scripts/train-checkworthy.lib';
import { describeSegment } from '../../../src/shared/extract';
import { CHECKWORTHY_WEIGHTS } from '../../../src/shared/extract/checkworthy/weights';
import { scoreClaim } from '../../../src/shared/extract/score';

const here = existsSync(CLAIMBUSTER_PATH);
interface Figures { auc: number; f1: number; threshold: number }
const recorded = CHECKWORTHY_WEIGHTS.training as {
  lambda: number;
  crossValidated: { model: Figures; formula: Figures };
  heldOut: { model: Figures; formula: Figures };
};

describe.skipIf(!here)('check-worthiness training on ClaimBuster', () => {
  const examples = here ? toExamples(loadClaimBuster()) : [];

  it('splits the 7,976 sentences into a held-out 20% and five folds, the same way every time', () => {
    expect(examples).toHaveLength(7976);
    const held = heldOutRows(examples).length;
    expect(held / examples.length).toBeGreaterThan(0.18);
    expect(held / examples.length).toBeLessThan(0.22);
    expect(trainingRows(examples).length + held).toBe(examples.length);
    expect(toExamples(loadClaimBuster()).map((e) => e.split)).toEqual(examples.map((e) => e.split));
  });

  it('reads each sentence as extraction reads a body claim (spans and labels)', () => {
    for (const e of examples.slice(0, 600)) {
      const d = describeSegment(e.facts.text, 0, e.facts.text.length, 'body');
      expect(e.facts.labels, e.facts.text).toEqual(d.labels);
      expect(e.facts.spans, e.facts.text).toEqual(d.spans);
    }
  });

  it('recorded figures that the shipped score reproduces on the held-out sentences, and beat the old formula', () => {
    const held = heldOutRows(examples).map((r) => examples[r]!);
    const labels = held.map((e) => e.label);
    const scores = held.map((e) => scoreClaim(e.facts.text, 'body', e.facts.labels, e.findings));
    expect(Number(auc(scores, labels).toFixed(4))).toBe(recorded.heldOut.model.auc);
    expect(Number(f1At(scores, labels, recorded.heldOut.model.threshold).f1.toFixed(4))).toBe(recorded.heldOut.model.f1);
    expect(recorded.heldOut.model.auc).toBeGreaterThan(recorded.heldOut.formula.auc + 0.05);
    expect(recorded.heldOut.model.f1).toBeGreaterThan(recorded.heldOut.formula.f1);
    expect(recorded.crossValidated.model.auc).toBeGreaterThan(recorded.crossValidated.formula.auc + 0.05);
    expect(recorded.crossValidated.model.f1).toBeGreaterThan(recorded.crossValidated.formula.f1);
  });

  // The L2 search over LAMBDA_GRID is not repeated here (the weights record the choice);
  // everything after it is: the 5-fold cross-validation, the threshold, the final fit, the
  // quantisation and the held-out figures. If the extractor's spans or labels change, the
  // features change, and this fails until the model is trained again.
  it('reproduces the committed weights byte for byte (run `npm run train:checkworthy` after changing the extractor or the features)', () => {
    expect(LAMBDA_GRID).toContain(recorded.lambda);
    const run = runTraining({ lambda: recorded.lambda });
    const committed = readFileSync(WEIGHTS_PATH, 'utf8');
    expect(run.module === committed, 'the committed weights differ from a fresh training run').toBe(true);
  }, 600_000);
});
