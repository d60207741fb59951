// The article the fact journeys check: one body claim with four facts (a vote, a day, a
// sum, a speaker), between a headline and a short closing claim.
import { extractClaims, normalizeText } from '../../../src/shared/extract';

export const FACT_ARTICLE = [
  'Harbor Town Votes to Raise Its Seawall',
  '',
  'The town council voted 5-2 on Wednesday to spend $38 million on the seawall, Mayor Celia Brandt said.',
  '',
  'Work on the wall will begin next spring.',
].join('\n');

/** How many claims it makes. */
export const FACT_ARTICLE_CLAIMS = extractClaims(normalizeText(FACT_ARTICLE)).length;
