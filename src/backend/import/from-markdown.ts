// Markdown to plain article text with a small hand-written stripper rather than a
// Markdown library: we want text, never HTML, and a parser would hand back markup
// or an AST that still needs this walk. Block structure survives (a heading or a
// paragraph per line, blank lines between); inline markup, link targets, images
// and raw HTML tags fall away. YAML front matter prefills the metadata.
import type { ArticleMeta } from '../../shared/model';
import { cleanAuthor, cleanDate, cleanLine, cleanUrl, compact } from './meta-values';
import type { ImportedText } from './types';

export function fromMarkdown(source: string): ImportedText {
  const { body, front } = splitFrontMatter(source.replace(/\r\n?/g, '\n'));
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let fence: string | null = null;
  let title = '';
  const flush = () => {
    const text = inline(paragraph.join(' '));
    if (text) blocks.push(text);
    paragraph = [];
  };
  const heading = (text: string) => {
    flush();
    const clean = inline(text);
    if (!clean) return;
    title ||= clean;
    blocks.push(clean);
  };

  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (fence !== null) {
      if (raw.trim().startsWith(fence)) fence = null;
      else if (raw.trim()) blocks.push(raw.trim());
      continue;
    }
    const fenceOpen = /^\s*(```+|~~~+)/.exec(raw);
    if (fenceOpen) {
      flush();
      fence = fenceOpen[1]!;
      continue;
    }
    const line = raw.replace(/^\s{0,3}(?:>\s?)+/, '').trimEnd(); // blockquotes read as text
    const next = lines[i + 1] ?? '';
    if (line.trim() === '') { flush(); continue; }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // link reference definition
    const atx = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (atx) { heading(atx[1]!); continue; }
    if (paragraph.length === 0 && /^\s{0,3}(?:=+|-+)\s*$/.test(next) && !/^\s{0,3}[-*+]\s/.test(line)) {
      heading(line); // setext heading: the text line above === or ---
      i++;
      continue;
    }
    if (/^\s{0,3}(?:[-*_]\s*){3,}$/.test(line)) { flush(); continue; } // thematic break
    if (/^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue; // table rule
    const item = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line);
    if (item) { flush(); paragraph.push(item[1]!); flush(); continue; }
    if (line.includes('|') && /^\s*\|.*\|\s*$/.test(line)) {
      flush();
      paragraph.push(line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).filter(Boolean).join(' · '));
      flush();
      continue;
    }
    paragraph.push(line.trim().replace(/\\$/, ''));
    if (/ {2,}$|\\$/.test(raw)) flush(); // a hard line break keeps its line
  }
  flush();

  return { text: blocks.join('\n\n'), meta: { ...compact({ title }), ...front } };
}

/** Inline markup to text: images go, links keep their words, emphasis and code lose their marks. */
export function inline(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]/g, '') // images
    .replace(/\[([^\]]+)\]\((?:[^()\s]+|\([^)]*\))*(?:\s+"[^"]*")?\)/g, '$1') // inline links
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // reference links
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1') // autolinks
    .replace(/<\/?[A-Za-z][^>]*>/g, '') // raw HTML tags: text only
    .replace(/(`+)(.+?)\1/g, '$2')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, '$1')
    .replace(/(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])/g, '$1')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const FRONT_KEYS: Record<string, keyof ArticleMeta> = {
  title: 'title',
  author: 'author',
  authors: 'author',
  byline: 'author',
  publication: 'publication',
  site: 'publication',
  publisher: 'publication',
  date: 'publishedAt',
  published: 'publishedAt',
  publishedat: 'publishedAt',
  url: 'sourceUrl',
  source: 'sourceUrl',
  canonical: 'sourceUrl',
  canonical_url: 'sourceUrl',
};

/** A leading `---` … `---` block of `key: value` lines; anything fancier is left alone. */
function splitFrontMatter(source: string): { body: string; front: Partial<ArticleMeta> } {
  const match = /^\uFEFF?---\n([\s\S]*?)\n(?:---|\.\.\.)\n/.exec(source);
  if (!match) return { body: source, front: {} };
  const front: Partial<ArticleMeta> = {};
  for (const line of match[1]!.split('\n')) {
    const kv = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line);
    const key = kv && FRONT_KEYS[kv[1]!.toLowerCase()];
    if (!key || front[key]) continue;
    const value = kv[2]!.replace(/^(['"])(.*)\1$/, '$2');
    const clean =
      key === 'sourceUrl' ? cleanUrl(value) : key === 'author' ? cleanAuthor(value) : key === 'publishedAt' ? cleanDate(value) : cleanLine(value, 1000);
    if (clean) front[key] = clean;
  }
  return { body: source.slice(match[0].length), front };
}
