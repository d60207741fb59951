// The articles of the desk benches: a headline, a byline and one claim a line, so
// an article of `claims` claims has claims − 2 body lines. `k` makes each distinct.
export function articleText(claims: number, k: number): string {
  const lines = [`Harbor Town Votes to Raise Its Seawall, part ${k + 1}`, 'By Nadia Ferreira'];
  for (let i = 0; i < claims - 2; i++) lines.push(`The council spent $${i + 1}.5 million on section ${i} of seawall ${k + 1} in ${1990 + (i % 30)}.`);
  return lines.join('\n');
}
