// The 52 "Golden Rules" of English sentence boundary detection (pragmatic_segmenter's spec,
// as benchmarked by pySBD), run through the same preparation as an article: prepareText,
// then the splitter. The cases are read from the shared corpus next to the repository and are
// never copied into it.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/shared/extract';
import { prepareText } from '../../../src/shared/extract/unwrap';

interface GoldenRule {
  id: number;
  name: string;
  text: string;
  expected: string[];
}

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/golden-rules.json', import.meta.url));
const MIN_PASSING = 50;
// "Errant newlines" inside a sentence: joined by the unwrapping step of prepareText, not by
// the splitter (a newline always ends a range). They fail until that step joins them.
const AWAITING_UNWRAP: ReadonlySet<number> = new Set([40, 41]);

const BULLET_ONLY = /^[•◦▪‣·⁃*–-]$/u;

/**
 * The sentences as the Golden Rules write them. Factdesk returns a bullet as a range of its
 * own (the extractor sets it aside as a list marker), while the rules keep it in the item's
 * sentence ("• 9. The first item"): so a bullet-only range is joined here with the range
 * right after it on the same line, with the text between them as it is ("⁃9. …", "• 9. …").
 */
function goldenSentences(text: string): string[] {
  const ranges = splitSentences(text);
  const out: string[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!;
    const next = ranges[i + 1];
    if (next && BULLET_ONLY.test(text.slice(r.start, r.end)) && !text.slice(r.end, next.start).includes('\n')) {
      out.push(text.slice(r.start, next.end));
      i++;
    } else out.push(text.slice(r.start, r.end));
  }
  return out;
}

describe('Golden Rules', () => {
  it(`passes at least ${MIN_PASSING} of the 52 rules, and every rule but the two errant-newline ones`, () => {
    expect(existsSync(CORPUS), `Golden Rules corpus not found at ${CORPUS}`).toBe(true);
    const rules = JSON.parse(readFileSync(CORPUS, 'utf8')) as GoldenRule[];
    expect(rules).toHaveLength(52);
    const failures: number[] = [];
    for (const rule of rules) {
      const got = goldenSentences(prepareText(rule.text));
      if (got.length === rule.expected.length && got.every((s, i) => s === rule.expected[i])) continue;
      failures.push(rule.id);
      console.log(`  FAIL #${rule.id} ${rule.name}: expected ${JSON.stringify(rule.expected)} got ${JSON.stringify(got)}`);
    }
    const passed = rules.length - failures.length;
    console.log(`[golden rules] ${passed}/${rules.length} pass${failures.length > 0 ? `; failing: ${failures.map((id) => `#${id}`).join(', ')}` : ''}`);
    expect(passed).toBeGreaterThanOrEqual(MIN_PASSING);
    expect(failures.filter((id) => !AWAITING_UNWRAP.has(id))).toEqual([]);
  });
});
