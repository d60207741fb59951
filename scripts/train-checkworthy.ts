// `npm run train:checkworthy`: trains the check-worthiness model on the ClaimBuster
// benchmark (../shared/corpus/claimbuster/train.json) and writes its weights to
// src/shared/extract/checkworthy/weights.ts. Deterministic: running it again writes the
// same file byte for byte. Prints the cross-validated and held-out AUC and F1 of the model
// beside the old hand-tuned formula's, on the same sentences.
//   --check   write nothing; exit 1 when the committed weights differ from a fresh run's.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CLAIMBUSTER_PATH, runTraining, WEIGHTS_PATH, type Figures } from './train-checkworthy.lib';

const check = process.argv.includes('--check');
if (!existsSync(CLAIMBUSTER_PATH)) {
  console.error(`ClaimBuster data not found at ${CLAIMBUSTER_PATH}.`);
  process.exit(2);
}

const t0 = performance.now();
console.log('Choosing the L2 strength by 5-fold cross-validation on the training 80%:');
const run = runTraining({ log: (line) => console.log(line) });
const seconds = (performance.now() - t0) / 1000;

const row = (name: string, f: Figures): string =>
  `  ${name.padEnd(26)}${f.auc.toFixed(4).padStart(8)}${f.f1.toFixed(4).padStart(8)}${f.precision.toFixed(3).padStart(11)}${f.recall.toFixed(3).padStart(8)}${f.threshold.toFixed(3).padStart(11)}`;
const header = `  ${''.padEnd(26)}${'AUC'.padStart(8)}${'F1'.padStart(8)}${'precision'.padStart(11)}${'recall'.padStart(8)}${'threshold'.padStart(11)}`;
console.log(`\nChosen: λ = ${run.data.training['lambda'] as number} (the best mean cross-validated AUC). Sentences: ${run.sentences} (${run.trainingSentences} for training and cross-validation, ${run.heldOut.sentences} held out, ${run.heldOut.positives} of them check-worthy).`);
console.log(`\n5-fold cross-validated (AUC: mean over folds; F1 at the threshold with the best F1 over the pooled folds):`);
console.log(header);
console.log(row('learned model', run.cv.model));
console.log(row('old formula', run.cv.formula));
console.log(`  fold AUCs: model ${run.cv.foldAuc.model.join(' ')}; formula ${run.cv.foldAuc.formula.join(' ')}`);
console.log(`\nHeld out (never used for training or selection; thresholds from cross-validation; the model as extraction scores):`);
console.log(header);
console.log(row('learned model', run.heldOut.model));
console.log(row('old formula', run.heldOut.formula));

const hash = createHash('sha256').update(run.module).digest('hex');
const where = relative(process.cwd(), WEIGHTS_PATH);
console.log(`\nWeights: ${where}, ${(Buffer.byteLength(run.module) / 1024).toFixed(1)} KB, sha256 ${hash}. Training took ${seconds.toFixed(1)} s.`);
const committed = existsSync(WEIGHTS_PATH) ? readFileSync(WEIGHTS_PATH, 'utf8') : null;
if (check) {
  if (committed === run.module) console.log('The committed weights are what this run writes.');
  else {
    console.error('The committed weights differ from this run: run `npm run train:checkworthy`.');
    process.exit(1);
  }
} else if (committed === run.module) {
  console.log('Unchanged: the committed weights are what this run writes.');
} else {
  writeFileSync(WEIGHTS_PATH, run.module);
  console.log('Written.');
}
