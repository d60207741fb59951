// @vitest-environment jsdom
// The claim panel as a checker uses it: its keys (registered by the panel itself), the
// rules that wait for a note or a source without ever holding the cursor, Esc and U
// giving up on a waiting status, and source toggles built from the latest state.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VerdictPatch } from '../../../src/shared/contract';
import { UNCHECKED, type Claim, type Source } from '../../../src/shared/model';
import { UserError } from '../../../src/shared/errors';
import { applyVerdictPatch } from '../../../src/shared/verdicts';
import { ClaimPanel } from '../../../src/renderer/src/features/review/ClaimPanel';

afterEach(cleanup);

const claim: Claim = {
  id: 'c1',
  text: 'The council voted 5-2 on Wednesday.',
  start: 0,
  end: 35,
  section: 'body',
  labels: ['number'],
  spans: [],
  score: 0.8,
  verdict: UNCHECKED,
  history: [],
};

const source = (id: string, title: string): Source => ({ id, kind: 'document', title, url: '', contact: '', accessedAt: '', excerpt: '', createdAt: '2026-01-01T00:00:00.000Z' });

/**
 * The panel over a stand-in for the article: each save builds its patch from the claim
 * as the saves before it left it (as useArticle does), after `delay` ms.
 */
function Desk(props: { start?: Claim; sources?: Source[]; saves: VerdictPatch[]; fail?: () => Error | null; delay?: number }) {
  const [current, setCurrent] = useState(props.start ?? claim);
  const latest = { claim: current };
  return (
    <ClaimPanel
      claim={current}
      number={3}
      total={9}
      sources={props.sources ?? []}
      onSave={async (build) => {
        await new Promise((r) => setTimeout(r, props.delay ?? 0));
        const error = props.fail?.();
        if (error) throw error;
        const patch = build(latest.claim);
        if (!patch) return null;
        props.saves.push(patch);
        latest.claim = applyVerdictPatch(latest.claim, patch, 'Ana', '2026-03-01T10:00:00.000Z');
        setCurrent(latest.claim);
        return { patch, warnings: [] };
      }}
      onAddSource={vi.fn(async () => 's-new')}
    />
  );
}

const key = (k: string, init: KeyboardEventInit = {}) => act(async () => void fireEvent.keyDown(document.body, { key: k, ...init }));
const note = () => screen.getByLabelText(/^Note/) as HTMLTextAreaElement;
const pressed = () => screen.getAllByRole('button', { pressed: true }).map((b) => b.textContent?.replace(/[^A-Za-z]/g, '').replace(/[VDSU]$/, ''));

describe('ClaimPanel', () => {
  it('asks for a note before saving a disputed verdict, then saves with it when the note is left', async () => {
    const saves: VerdictPatch[] = [];
    render(<Desk saves={saves} />);
    fireEvent.click(screen.getByRole('button', { name: 'Disputed' }));
    expect(saves).toEqual([]);
    expect(screen.getByRole('status').textContent).toMatch(/needs a note/);
    expect(document.activeElement).toBe(note());

    fireEvent.change(note(), { target: { value: 'The vote was 4-3.' } });
    fireEvent.blur(note());
    await waitFor(() => expect(saves).toHaveLength(1));
    expect(saves[0]).toMatchObject({ status: 'disputed', note: 'The vote was 4-3.' });
  });

  it('D then Esc: leaves the note, gives up on the dispute, and nothing pulls the cursor back', async () => {
    const saves: VerdictPatch[] = [];
    render(<Desk saves={saves} />);
    await key('d');
    expect(document.activeElement).toBe(note());
    fireEvent.keyDown(note(), { key: 'Escape' });
    expect(document.activeElement).not.toBe(note());
    expect(screen.queryByRole('status')).toBeNull();
    expect(pressed()).toEqual(['Unchecked']);
    // The next keys are shortcuts again, never text in the note.
    await key('v');
    await waitFor(() => expect(saves).toEqual([{ status: 'verified', note: '', correction: '', sourceIds: [] }]));
    expect(note().value).toBe('');
  });

  it('D then Tab out of the empty note: the dispute waits, the cursor stays where Tab took it; U cancels the wait and keeps the status', async () => {
    const verified = { ...claim, verdict: { ...UNCHECKED, status: 'verified' as const, checker: 'Ana', updatedAt: '2026-01-01T00:00:00.000Z' } };
    const saves: VerdictPatch[] = [];
    render(<Desk start={verified} saves={saves} />);
    await key('d');
    const elsewhere = screen.getByRole('button', { name: /Add a source/ });
    elsewhere.focus(); // what Tab does
    fireEvent.blur(note());
    expect(document.activeElement).toBe(elsewhere);
    expect(screen.getByRole('status').textContent).toMatch(/needs a note/);
    expect(pressed()).toEqual(['Disputed']);
    await key('u');
    expect(screen.queryByRole('status')).toBeNull();
    expect(pressed()).toEqual(['Verified']);
    expect(saves).toEqual([]);
  });

  it('Esc in the note keeps the words typed and saves them, as leaving the field does', async () => {
    const saves: VerdictPatch[] = [];
    render(<Desk saves={saves} />);
    await key('n');
    expect(document.activeElement).toBe(note());
    fireEvent.change(note(), { target: { value: 'Minutes of 12 March.' } });
    fireEvent.keyDown(note(), { key: 'Escape' });
    await waitFor(() => expect(saves).toEqual([{ note: 'Minutes of 12 March.' }]));
    expect(note().value).toBe('Minutes of 12 March.');
    // Once, not twice (Esc, then the blur it causes).
    await new Promise((r) => setTimeout(r, 10));
    expect(saves).toHaveLength(1);
  });

  it('asks for a source before saving a sourced verdict, with the add form open when the article has none', async () => {
    const saves: VerdictPatch[] = [];
    render(<Desk saves={saves} />);
    await key('s');
    expect(saves).toEqual([]);
    expect(screen.getByRole('status').textContent).toMatch(/at least one cited source/);
    expect(screen.getByRole('form', { name: 'Add a source' })).toBeTruthy();
    // Esc in the form closes it and gives up on “sourced”.
    fireEvent.keyDown(screen.getByLabelText('Title'), { key: 'Escape' });
    expect(screen.queryByRole('form', { name: 'Add a source' })).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('cites sources by number, and two quick toggles both count (each built from the latest state)', async () => {
    const saves: VerdictPatch[] = [];
    render(<Desk saves={saves} sources={[source('s1', 'Council minutes'), source('s2', 'Audit')]} delay={5} />);
    await key('1');
    await key('2');
    await waitFor(() => expect(saves).toHaveLength(2));
    expect(saves).toEqual([{ sourceIds: ['s1'] }, { sourceIds: ['s1', 's2'] }]);
    expect((screen.getByRole('checkbox', { name: /Council minutes/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /Audit/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('S with sources waits for a citation, and citing one saves “sourced” with it', async () => {
    const saves: VerdictPatch[] = [];
    render(<Desk saves={saves} sources={[source('s1', 'Council minutes')]} />);
    await key('s');
    expect(screen.getByRole('status').textContent).toMatch(/Cite one \(1–9, or L to find it\)/);
    await key('1');
    await waitFor(() => expect(saves).toEqual([{ status: 'sourced', note: '', correction: '', sourceIds: ['s1'] }]));
    expect(pressed()).toEqual(['Sourced']);
  });

  it('L finds a source by typing, and Enter cites it', async () => {
    const saves: VerdictPatch[] = [];
    render(<Desk saves={saves} sources={[source('s1', 'Council minutes'), source('s2', 'County audit 2024')]} />);
    await key('l');
    const find = screen.getByRole('combobox', { name: /Find a source/ });
    expect(document.activeElement).toBe(find);
    fireEvent.change(find, { target: { value: 'audit' } });
    expect(screen.getAllByRole('option').map((o) => o.getAttribute('aria-label'))).toEqual(['2. County audit 2024']);
    fireEvent.keyDown(find, { key: 'Enter' });
    await waitFor(() => expect(saves).toEqual([{ sourceIds: ['s2'] }]));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('B opens the word picker: arrows and a letter choose the word, Enter splits before it', async () => {
    const onSplit = vi.fn(async () => {});
    render(<ClaimPanel claim={claim} number={1} total={1} sources={[]} onSave={vi.fn()} onAddSource={vi.fn()} onSplit={onSplit} />);
    await key('b');
    const words = screen.getByRole('listbox', { name: 'Split before the word' });
    expect(document.activeElement).toBe(words);
    const chosen = () => screen.getByRole('option', { selected: true }).textContent;
    fireEvent.keyDown(words, { key: 'Home' });
    expect(chosen()).toBe('council');
    fireEvent.keyDown(words, { key: 'ArrowRight' });
    expect(chosen()).toBe('voted');
    fireEvent.keyDown(words, { key: 'w' });
    expect(chosen()).toBe('Wednesday.');
    fireEvent.keyDown(words, { key: 'ArrowLeft' });
    expect(chosen()).toBe('on');
    // The two claims it makes, as they will be.
    const preview = document.querySelector('.split-preview')!.textContent;
    expect(preview).toContain('First claim The council voted 5-2');
    expect(preview).toContain('Second claim on Wednesday.');
    fireEvent.keyDown(words, { key: 'Enter' });
    expect(onSplit).toHaveBeenCalledWith(claim.text.indexOf(' on ') + 1);
  });

  it('M and Shift+M merge, or say why they cannot', async () => {
    const onMerge = vi.fn(async () => {});
    const onNotice = vi.fn();
    render(
      <ClaimPanel
        claim={claim}
        number={2}
        total={3}
        sources={[]}
        onSave={vi.fn()}
        onAddSource={vi.fn()}
        onMerge={onMerge}
        mergeBlocked={{ next: null, previous: 'Claims 1 and 2 are in different paragraphs, so they cannot be merged.' }}
        onNotice={onNotice}
      />,
    );
    await key('m');
    expect(onMerge).toHaveBeenCalledWith('next');
    await key('M');
    expect(onMerge).toHaveBeenCalledTimes(1);
    expect(onNotice).toHaveBeenCalledWith('Claims 1 and 2 are in different paragraphs, so they cannot be merged.');
  });

  it('shows a failed save instead of swallowing it', async () => {
    render(<Desk saves={[]} fail={() => new UserError('Factdesk’s server cannot be reached; is “npm run serve” still running? Nothing was saved.')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Verified' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Not saved: Factdesk’s server cannot be reached/);
  });

  it('shows the quiet warning while a claim is verified without a source', () => {
    const verified = { ...claim, verdict: { ...claim.verdict, status: 'verified' as const, checker: 'Ana', updatedAt: '2026-01-01T00:00:00.000Z' } };
    render(<ClaimPanel claim={verified} number={1} total={1} sources={[]} onSave={vi.fn()} onAddSource={vi.fn()} />);
    expect(screen.getByText(/Verified without a cited source/)).toBeTruthy();
    expect(screen.getByText(/last changed by Ana/)).toBeTruthy();
  });

  it('says why the claim scored as it did, in words', () => {
    const figures = { ...claim, text: 'The county spent $38 million on the seawall in 2024, the audit said.', labels: ['number', 'date', 'attribution'] as Claim['labels'], spans: [{ start: 17, end: 28, kind: 'number' as const, text: '$38 million' }, { start: 47, end: 51, kind: 'date' as const, text: '2024' }] };
    render(<ClaimPanel claim={figures} number={1} total={1} sources={[]} onSave={vi.fn()} onAddSource={vi.fn()} />);
    const why = screen.getByText(/check-worthiness \d+%/);
    expect(why.textContent).toMatch(/check-worthiness \d+%: .*figures/);
  });

  it('shows the claim inside its paragraph, with its checkable spans marked', () => {
    const text = 'Intro sentence. The council voted 5-2 on Wednesday. After.';
    const start = text.indexOf('The council');
    const inText = { ...claim, start, end: start + claim.text.length, spans: [{ start: start + 18, end: start + 21, kind: 'number' as const, text: '5-2' }] };
    render(<ClaimPanel claim={inText} number={2} total={3} articleText={text} sources={[]} onSave={vi.fn()} onAddSource={vi.fn()} />);
    expect(screen.getByText('5-2').tagName).toBe('MARK');
    expect(screen.getByText('Intro sentence.', { exact: false })).toBeTruthy();
  });

  it('cites an existing source with one click', async () => {
    const saves: VerdictPatch[] = [];
    render(<Desk saves={saves} sources={[source('s1', 'Council minutes')]} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Council minutes/ }));
    await waitFor(() => expect(saves).toEqual([{ sourceIds: ['s1'] }]));
  });
});
