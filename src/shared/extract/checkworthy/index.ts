// Check-worthiness: a claim's score in 0..1 and the reasons for it, from the model learned
// from the ClaimBuster benchmark (model.ts, weights.ts). Process-free.
export type { ClaimFacts } from './features';
export { explainScore, type ExplainInput, type ScoreExplanation, type ScoreReason } from './explain';
export { checkworthyModel, scoreFacts } from './shipped';
