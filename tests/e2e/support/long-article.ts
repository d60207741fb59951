// A 60-claim news article for the keyboard journey: the sample article with eleven
// more paragraphs of the same story, so a whole review takes every kind of step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './shell';

const SAMPLE = readFileSync(join(REPO_ROOT, 'resources/sample-article.txt'), 'utf8');

const MORE = [
  'The first seawall here was built in 1938 by the Works Progress Administration. It was raised by two feet in 1979, after the Blizzard of 1978 broke through it. Since then it has been patched at least 14 times.',
  'Engineers at Aldous & Marsh estimate that sea level at the harbor will rise 1.5 feet by 2060. Their report, dated Nov. 3, 2024, runs to 212 pages. It recommends a cap of at least four feet.',
  'The harbor handles about 9,000 tons of lobster a year, according to the state Department of Marine Resources. That catch was worth $31 million in 2023. About 120 boats tie up at the town pier.',
  'Summer visitors roughly triple the town’s population in July and August. Hotel tax receipts reached $1.9 million last year, the town clerk said.',
  'The two council members who voted no, Ruth Okafor and Daniel Pryce, said they wanted a second engineering study. Ms. Okafor said the cost estimate had grown by $6 million since spring. Mr. Pryce said he would not run again in November.',
  'Construction crews will work from a barge for most of the project. The contractor expects to close the town beach for two summers. The pier will stay open throughout, officials said.',
  'The grant comes from the National Oceanic and Atmospheric Administration’s Climate Resilience Regional Challenge. Pelham Point is one of 38 communities that won awards in the last round. The program was created by the Inflation Reduction Act of 2022.',
  'Residents who oppose the wall have hired a lawyer, Marcy Chen of Bangor. She said they may ask a court to stop the bond sale. A hearing could come as early as June.',
  'Oyster growers on the north shore say the living-shoreline plan would have doubled their leases. The state has issued 17 aquaculture leases in the harbor since 2015. None of them lie inside the footprint of the new wall.',
  'The town’s harbor master, Luis Ferreira, is not related to this reporter. He said the pier has flooded four times since he took the job in 2017. Each time, he said, the cleanup took more than a week.',
  'A public meeting on the construction schedule is set for April 2 at the Pelham Point Grange Hall. The council will take written comments until March 31. Copies of the engineering report are at the town library.',
];

const ANCHOR = '"The ocean is not going to wait for us," she said.';

/** The article text: the sample with the extra paragraphs after its last quote. */
export const LONG_ARTICLE = SAMPLE.replace(ANCHOR, `${ANCHOR}\n${MORE.join('\n')}`);
