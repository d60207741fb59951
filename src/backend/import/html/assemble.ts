// Blocks → the article's text and its structure hints. Each block is prepared on its
// own (prepareText: normalized, hard wraps undone) and the blocks are joined with blank
// lines, so the text is already prepared and import-file.ts keeps the hints: their
// offsets are the text's. A block whose inner line breaks the whole text would unwrap
// is written as one paragraph per line instead.
import { prepareText, type StructureHint } from '../../../shared/extract';
import type { Block } from './structure';

export interface Assembled {
  text: string;
  structure: StructureHint[];
}

export function assemble(blocks: readonly Block[]): Assembled {
  const first = build(blocks, false);
  if (prepareText(first.text) === first.text) return first;
  // The whole text reads as hard-wrapped where a block alone did not: no line breaks inside blocks.
  return build(blocks, true);
}

function build(blocks: readonly Block[], splitLines: boolean): Assembled {
  const parts: string[] = [];
  const structure: StructureHint[] = [];
  let offset = 0;
  const push = (text: string, block: Block) => {
    const prepared = prepareText(text);
    if (prepared === '') return;
    if (parts.length > 0) offset += 2;
    const hint: StructureHint = { start: offset, end: offset + prepared.length, section: block.section };
    if (block.setAside) hint.setAside = block.setAside;
    structure.push(hint);
    parts.push(prepared);
    offset += prepared.length;
  };
  for (const block of blocks) {
    if (splitLines) for (const line of block.text.split('\n')) push(line, block);
    else push(block.text, block);
  }
  return { text: parts.join('\n\n'), structure };
}
