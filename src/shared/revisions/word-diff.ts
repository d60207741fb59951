// Word-level diffs of a claim's old and new wording, and the facts (numbers,
// dates, names) that changed between them. diff-match-patch diffs characters;
// each distinct word is mapped to one character first (its linesToChars trick,
// applied to words), so the diff never cuts a word or a number in half.
import { findSpans } from '../extract/spans';
import type { Span } from '../model';
import { DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, diff, levenshtein, type Diff } from './similarity';

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

// A word keeps its inner joiners: "1,200", "$4.2" → "$", "4.2"; "O'Neill", "co-op".
const TOKEN = /[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*|\s+|[^\p{L}\p{N}\s]/gu;

function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Encodes two token lists as strings of one character per distinct token. */
function encode(a: string[], b: string[]): { chars1: string; chars2: string; tokens: string[] } {
  const tokens: string[] = [''];
  const index = new Map<string, number>();
  const enc = (list: string[]) => {
    let out = '';
    for (const t of list) {
      let i = index.get(t);
      if (i === undefined) {
        i = tokens.length;
        tokens.push(t);
        index.set(t, i);
      }
      out += String.fromCharCode(i);
    }
    return out;
  };
  return { chars1: enc(a), chars2: enc(b), tokens };
}

function diffTokens(a: string[], b: string[]): { diffs: Diff[]; tokens: string[] } {
  const { chars1, chars2, tokens } = encode(a, b);
  return { diffs: diff(chars1, chars2), tokens };
}

/**
 * The word-level diff from `oldText` to `newText`: equal, deleted and inserted
 * runs in reading order (deletions before insertions at the same place).
 * Joining the equal+delete parts gives `oldText`, equal+insert gives `newText`.
 */
export function wordDiff(oldText: string, newText: string): DiffPart[] {
  if (oldText === newText) return oldText ? [{ op: 'equal', text: oldText }] : [];
  const { diffs, tokens } = diffTokens(tokenize(oldText), tokenize(newText));
  const parts: DiffPart[] = [];
  for (const [code, chars] of diffs) {
    const op: DiffOp = code === DIFF_INSERT ? 'insert' : code === DIFF_DELETE ? 'delete' : 'equal';
    let text = '';
    for (let i = 0; i < chars.length; i++) text += tokens[chars.charCodeAt(i)]!;
    const last = parts.at(-1);
    if (last && last.op === op) last.text += text;
    else if (text) parts.push({ op, text });
  }
  return parts;
}

/** The words of a text (its tokens without the whitespace). */
export function wordsOf(text: string): string[] {
  return tokenize(text).filter((t) => !/^\s/.test(t));
}

/**
 * 0..1 word-level similarity of two wordings (split by wordsOf). `symmetric` is
 * 1 − word edit distance / longer word count. `cover` is the share of the shorter
 * wording's words found, in order, in the longer one: high when one sentence was
 * split off from, or merged into, the other.
 */
export function wordSimilarityOf(wa: string[], wb: string[]): { symmetric: number; cover: number; shorterWords: number } {
  const longer = Math.max(wa.length, wb.length);
  const shorter = Math.min(wa.length, wb.length);
  if (longer === 0) return { symmetric: 1, cover: 1, shorterWords: 0 };
  if (shorter === 0) return { symmetric: 0, cover: 0, shorterWords: 0 };
  const { diffs } = diffTokens(wa, wb);
  let equal = 0;
  for (const [code, chars] of diffs) if (code === DIFF_EQUAL) equal += chars.length;
  return { symmetric: 1 - levenshtein(diffs) / longer, cover: equal / shorter, shorterWords: shorter };
}

export type FactKind = 'number' | 'date' | 'name';
/** A fact inside a claim that a revision changed; `from`/`to` is null when it was removed/added. */
export interface FactChange {
  kind: FactKind;
  from: string | null;
  to: string | null;
}

const FACT_KINDS: readonly FactKind[] = ['number', 'date', 'name'];

interface Wording {
  text: string;
  /** The claim's spans; computed from `text` when absent (e.g. a `changed.previousText`). */
  spans?: readonly Span[];
}

function spansOf(w: Wording): readonly Span[] {
  return w.spans ?? findSpans(w.text, 0).spans;
}

/**
 * The numbers, dates and names that differ between two wordings of a claim,
 * compared by kind in reading order: removed and added values of a kind are
 * paired up ("1,200" → "1,400"); an unpaired one has `to` (or `from`) null.
 */
export function changedFacts(oldClaim: Wording, newClaim: Wording): FactChange[] {
  const before = spansOf(oldClaim);
  const after = spansOf(newClaim);
  const out: FactChange[] = [];
  for (const kind of FACT_KINDS) {
    const a = before.filter((s) => s.kind === kind).map((s) => s.text);
    const b = after.filter((s) => s.kind === kind).map((s) => s.text);
    const removed = minus(a, b);
    const added = minus(b, a);
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      out.push({ kind, from: removed[i] ?? null, to: added[i] ?? null });
    }
  }
  return out;
}

/** Multiset difference, order kept. */
function minus(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = left.get(x) ?? 0;
    if (n > 0) {
      left.set(x, n - 1);
      return false;
    }
    return true;
  });
}

/** "number 1,200 → 1,400; name Evelyn Sato → Evelyn Saito" (for history entries). */
export function describeFacts(facts: readonly FactChange[]): string {
  return facts.map((f) => `${f.kind} ${f.from ?? '(none)'} → ${f.to ?? '(none)'}`).join('; ');
}
