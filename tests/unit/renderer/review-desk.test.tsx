// @vitest-environment jsdom
// The review desk over the real backend (a store in a temporary folder): split and merge
// from the keyboard, their undo and redo, the selection staying on the claim edited, an
// undo entry kept when its save is refused, a change against an out-of-date article
// refused and the article reloaded, and another window's save shown live.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { Store } from '../../../src/backend/store/store';
import { STALE_ARTICLE, type ArticleChange } from '../../../src/shared/contract';
import type { Article } from '../../../src/shared/model';

const world = vi.hoisted(() => ({
  backend: null as unknown as { api: Record<string, (input: unknown) => Promise<unknown>> },
  /** Makes the next call of an operation fail, as a lost connection would. */
  failNext: new Set<string>(),
  listeners: [] as ((change: { articleId: string; version: number | null }) => void)[],
}));

vi.mock('../../../src/renderer/src/api/client', () => ({
  errorMessage: (e: unknown) => (e instanceof Error ? e.message : String(e)),
  api: new Proxy(
    {},
    {
      get: (_target, op: string) => async (input: unknown) => {
        if (world.failNext.delete(op)) throw new Error('Factdesk’s server cannot be reached; is “npm run serve” still running? Nothing was saved.');
        return world.backend.api[op]!(input);
      },
    },
  ),
}));
vi.mock('../../../src/renderer/src/api/article-events', () => ({
  onArticleChanged: (callback: (change: ArticleChange) => void) => {
    world.listeners.push(callback);
    return () => world.listeners.splice(world.listeners.indexOf(callback), 1);
  },
}));

const { ArticleView } = await import('../../../src/renderer/src/features/article/ArticleView');

const TEXT = [
  'Harbor Town Votes to Raise the Seawall',
  'The town council voted 5-2 on Wednesday, officials said. The wall will rise by 1.2 meters. It will cost $38 million.',
  'Work begins in May.',
].join('\n');

let dir: string;
let backend: Backend;
let article: Article;

// The list is virtualized: give its scroller a size, as a browser would.
const sizes = ['clientHeight', 'clientWidth', 'offsetHeight', 'offsetWidth'] as const;
const owner = (p: string) => (p.startsWith('client') ? Element.prototype : HTMLElement.prototype);
const saved = sizes.map((p) => Object.getOwnPropertyDescriptor(owner(p), p)!);
beforeAll(() => sizes.forEach((p) => Object.defineProperty(owner(p), p, { configurable: true, get: () => 800 })));
afterAll(() => sizes.forEach((p, i) => Object.defineProperty(owner(p), p, saved[i]!)));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-desk-ui-'));
  backend = createBackend(await Store.open(dir));
  world.backend = backend as unknown as typeof world.backend;
  world.failNext.clear();
  world.listeners = [];
  await backend.api['preferences:set']({ preferences: { checker: 'Ana Ruiz' } });
  article = (await backend.api['articles:create']({ text: TEXT, meta: {} })).article;
});
afterEach(async () => {
  cleanup();
  await rm(dir, { recursive: true, force: true });
});

const key = (k: string, init: KeyboardEventInit = {}) => act(async () => void fireEvent.keyDown(document.activeElement ?? document.body, { key: k, ...init }));
const panelName = () => screen.getByRole('region', { name: /^Claim \d+ of \d+$/ }).getAttribute('aria-label');
const focusText = () => document.querySelector('.claim-focus')!.textContent;
const notice = () => document.querySelector('p.notice')!.textContent;
const stored = async () => (await backend.api['articles:get']({ id: article.id })).article;

async function open() {
  render(<ArticleView id={article.id} onBack={() => {}} />);
  await screen.findByRole('region', { name: /^Claim 1 of/ });
}

describe('the review desk', () => {
  it('B splits at a word chosen from the keyboard; the selection stays on it; Ctrl+Z and Shift+Ctrl+Z undo and redo it', async () => {
    await open();
    const total = article.claims.length;
    await key('j');
    expect(focusText()).toBe('The town council voted 5-2 on Wednesday, officials said.');
    await key('b');
    const words = screen.getByRole('listbox', { name: 'Split before the word' });
    // The picker starts after the comma; Enter splits there.
    expect(within(words).getByRole('option', { selected: true }).textContent).toBe('officials');
    fireEvent.keyDown(words, { key: 'Enter' });
    await waitFor(() => expect(panelName()).toBe(`Claim 2 of ${total + 1}`));
    expect(focusText()).toBe('The town council voted 5-2 on Wednesday,');
    expect(notice()).toBe('Claim 2 split in two: claims 2 and 3. Ctrl+Z undoes it.');

    await key('z', { ctrlKey: true });
    await waitFor(() => expect(notice()).toBe('Undone: claim 2 split in two.'));
    expect(panelName()).toBe(`Claim 2 of ${total}`);
    expect(focusText()).toBe('The town council voted 5-2 on Wednesday, officials said.');
    expect((await stored()).claims[1]!.id).toBe(article.claims[1]!.id);

    await key('z', { ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(notice()).toBe('Redone: claim 2 split in two.'));
    expect(panelName()).toBe(`Claim 2 of ${total + 1}`);
  });

  it('M merges with the next claim, keeps the selection on it, and Ctrl+Z brings back both claims with their verdicts', async () => {
    await open();
    const total = article.claims.length;
    await key('j');
    await key('v');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Verified', pressed: true })).toBeTruthy());
    await key('m');
    await waitFor(() => expect(panelName()).toBe(`Claim 2 of ${total - 1}`));
    expect(focusText()).toBe('The town council voted 5-2 on Wednesday, officials said. The wall will rise by 1.2 meters.');
    expect(notice()).toBe('Claims 2 and 3 merged into claim 2. Ctrl+Z undoes it.');

    await key('z', { ctrlKey: true });
    await waitFor(() => expect(notice()).toBe('Undone: claims 2 and 3 merged.'));
    expect(panelName()).toBe(`Claim 2 of ${total}`);
    expect(screen.getByRole('button', { name: 'Verified', pressed: true })).toBeTruthy();
    const back = (await stored()).claims;
    expect(back.map((c) => c.id)).toEqual(article.claims.map((c) => c.id));
    expect(back[1]!.verdict.status).toBe('verified');

    // The verdict before the merge can be undone too: the stack still holds it, under its own id.
    await key('z', { ctrlKey: true });
    await waitFor(() => expect(notice()).toBe('Undone: claim 2 back to unchecked.'));
  });

  it('an undo goes to the claim it changes and names it', async () => {
    await open();
    await key('j');
    await key('j');
    await key('v');
    await waitFor(async () => expect((await stored()).claims[2]!.verdict.status).toBe('verified'));
    await key('k');
    await key('k');
    expect(panelName()).toMatch(/^Claim 1 of/);
    await key('z', { ctrlKey: true });
    await waitFor(() => expect(notice()).toBe('Undone: claim 3 back to unchecked.'));
    expect(panelName()).toMatch(/^Claim 3 of/);
  });

  it('keeps the undo entry when its save is refused, so Ctrl+Z again still undoes it', async () => {
    await open();
    await key('v');
    await waitFor(async () => expect((await stored()).claims[0]!.verdict.status).toBe('verified'));
    world.failNext.add('claims:markMany');
    await key('z', { ctrlKey: true });
    await waitFor(() => expect(notice()).toMatch(/^Not saved: Factdesk’s server cannot be reached/));
    expect((await stored()).claims[0]!.verdict.status).toBe('verified');
    await key('z', { ctrlKey: true });
    await waitFor(() => expect(notice()).toBe('Undone: claim 1 back to unchecked.'));
    expect((await stored()).claims[0]!.verdict.status).toBe('unchecked');
  });

  it('refuses a change made against an out-of-date article, reloads it, and overwrites nothing', async () => {
    await open();
    // Another window disputes claim 1 (and this one is not told).
    await backend.api['claims:mark']({ articleId: article.id, claimId: article.claims[0]!.id, patch: { status: 'disputed', note: 'The headline says 1.2 meters; the plan says 1.5.' } });
    await key('n');
    fireEvent.change(screen.getByLabelText(/^Note/), { target: { value: 'confirmed with Pentagon spokesperson' } });
    await key('Escape');
    await waitFor(() => expect(notice()).toBe(STALE_ARTICLE));
    // Reloaded: the other window's verdict is on screen, and in the file.
    await waitFor(() => expect((screen.getByLabelText(/^Note/) as HTMLTextAreaElement).value).toBe('The headline says 1.2 meters; the plan says 1.5.'));
    expect(screen.getByRole('button', { name: 'Disputed', pressed: true })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Your note was not saved: “confirmed with Pentagon spokesperson”.');
    expect((await stored()).claims[0]!.verdict.note).toBe('The headline says 1.2 meters; the plan says 1.5.');
    // Now up to date, the next change goes through.
    await key('v');
    await waitFor(async () => expect((await stored()).claims[0]!.verdict.status).toBe('verified'));
  });

  it('shows another window’s save as it happens, and says so when the claim on screen was merged away there', async () => {
    await open();
    await key('j');
    const { claim } = await backend.api['claims:mark']({ articleId: article.id, claimId: article.claims[1]!.id, patch: { status: 'verified' } });
    await act(async () => world.listeners.forEach((l) => l({ articleId: article.id, version: 1 })));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Verified', pressed: true })).toBeTruthy());
    expect(notice()).toBe('Claim 2 was changed in another window: verified.');
    expect(claim.verdict.status).toBe('verified');

    await backend.api['claims:merge']({ articleId: article.id, claimId: article.claims[1]!.id, nextClaimId: article.claims[2]!.id });
    await act(async () => world.listeners.forEach((l) => l({ articleId: article.id, version: 2 })));
    await waitFor(() => expect(notice()).toBe('Claim 2 was split, merged or set aside in another window.'));
    // The selection lands on the claim that now holds those words, not on claim 1.
    expect(panelName()).toBe(`Claim 2 of ${article.claims.length - 1}`);
    expect(focusText()).toContain('officials said. The wall will rise');
  });

  it('keeps a pending “needs a note” out of the record: U cancels it and the status stays', async () => {
    await open();
    await key('d');
    expect(document.activeElement).toBe(screen.getByLabelText(/^Note/));
    await key('Escape');
    expect(document.activeElement).not.toBe(screen.getByLabelText(/^Note/));
    for (const k of ['u', 'j', 'k', 'd']) await key(k);
    // D again waits for the note; U cancels it; nothing was typed into the note, nothing saved.
    await key('Escape');
    await key('u');
    expect((await stored()).claims[0]!.verdict).toMatchObject({ status: 'unchecked', note: '' });
    expect((await stored()).claims[0]!.history).toEqual([]);
  });

  it('keeps what was typed when a source is refused, with the sentence in the form', async () => {
    await open();
    await key('a');
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add a source' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/is not a web address/);
    expect((screen.getByLabelText('URL') as HTMLInputElement).value).toBe('javascript:alert(1)');
  });
});
