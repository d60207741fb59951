// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UNCHECKED, type Claim, type Source } from '../../../src/shared/model';
import { UserError } from '../../../src/shared/errors';
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

function setup(onPatch = vi.fn(async () => ({ warnings: [] as string[] })), sources: Source[] = []) {
  const onAddSource = vi.fn();
  render(<ClaimPanel claim={claim} number={3} total={9} sources={sources} onPatch={onPatch} onAddSource={onAddSource} />);
  return { onPatch, onAddSource };
}

describe('ClaimPanel', () => {
  it('asks for a note before saving a disputed verdict, then saves with it', async () => {
    const { onPatch } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Disputed' }));
    expect(onPatch).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toMatch(/needs a note/);
    expect(document.activeElement).toBe(screen.getByLabelText(/^Note/));

    fireEvent.change(screen.getByLabelText(/^Note/), { target: { value: 'The vote was 4-3.' } });
    fireEvent.blur(screen.getByLabelText(/^Note/));
    await waitFor(() => expect(onPatch).toHaveBeenCalledTimes(1));
    expect(onPatch).toHaveBeenCalledWith(expect.objectContaining({ status: 'disputed', note: 'The vote was 4-3.' }));
  });

  it('asks for a source before saving a sourced verdict', () => {
    const { onPatch } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Sourced' }));
    expect(onPatch).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toMatch(/at least one cited source/);
    expect(screen.getByRole('form', { name: 'Add a source' })).toBeTruthy();
  });

  it('shows a failed save instead of swallowing it', async () => {
    setup(vi.fn(async () => {
      throw new UserError('Factdesk’s server cannot be reached; is “npm run serve” still running? Nothing was saved.');
    }));
    fireEvent.click(screen.getByRole('button', { name: 'Verified' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Not saved: Factdesk’s server cannot be reached/);
  });

  it('shows the quiet warning while a claim is verified without a source', () => {
    const verified = { ...claim, verdict: { ...claim.verdict, status: 'verified' as const, checker: 'Ana', updatedAt: '2026-01-01T00:00:00.000Z' } };
    render(<ClaimPanel claim={verified} number={1} total={1} sources={[]} onPatch={vi.fn()} onAddSource={vi.fn()} />);
    expect(screen.getByText(/Verified without a cited source/)).toBeTruthy();
    expect(screen.getByText(/last changed by Ana/)).toBeTruthy();
  });

  it('shows the claim inside its paragraph, with its checkable spans marked', () => {
    const text = 'Intro sentence. The council voted 5-2 on Wednesday. After.';
    const start = text.indexOf('The council');
    const inText = { ...claim, start, end: start + claim.text.length, spans: [{ start: start + 18, end: start + 21, kind: 'number' as const, text: '5-2' }] };
    render(<ClaimPanel claim={inText} number={2} total={3} articleText={text} sources={[]} onPatch={vi.fn()} onAddSource={vi.fn()} />);
    expect(screen.getByText('5-2').tagName).toBe('MARK');
    expect(screen.getByText('Intro sentence.', { exact: false })).toBeTruthy();
  });

  it('cites an existing source with one click', async () => {
    const source: Source = { id: 's1', kind: 'document', title: 'Council minutes', url: '', contact: '', accessedAt: '', excerpt: '', createdAt: '2026-01-01T00:00:00.000Z' };
    const { onPatch } = setup(undefined, [source]);
    fireEvent.click(screen.getByRole('checkbox', { name: /Council minutes/ }));
    await waitFor(() => expect(onPatch).toHaveBeenCalledWith({ sourceIds: ['s1'] }));
  });
});
