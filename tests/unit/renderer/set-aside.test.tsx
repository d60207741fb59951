// @vitest-environment jsdom
// Set-aside text in the review desk: the rows the claims list shows with and
// without "Show set aside", and O / P with their undo and redo, against an
// in-memory stand-in for the backend's claims:setAside and claims:promote.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordsOf } from '../../../src/shared/article-segments';
import { promoteSegment, setClaimAside } from '../../../src/shared/claim-edits';
import { extractSegments, normalizeText } from '../../../src/shared/extract';
import type { Article } from '../../../src/shared/model';
import { listItems } from '../../../src/renderer/src/features/claims/list-items';

const backend = vi.hoisted(() => ({ article: null as unknown as Article, calls: [] as string[] }));

vi.mock('../../../src/renderer/src/api/client', () => {
  const when = () => new Date('2026-03-01T10:00:00.000Z').toISOString();
  return {
    errorMessage: (e: unknown) => (e instanceof Error ? e.message : String(e)),
    api: {
      'articles:get': async () => ({ article: backend.article }),
      'claims:setAside': async ({ claimId }: { claimId: string }) => {
        backend.calls.push(`setAside ${claimId}`);
        const a = backend.article;
        const claim = a.claims.find((c) => c.id === claimId)!;
        const setAside = [...a.setAside, setClaimAside(claim, 'Ana Ruiz', when())].sort((x, y) => x.start - y.start);
        backend.article = { ...a, claims: a.claims.filter((c) => c.id !== claimId), setAside };
        return { article: backend.article };
      },
      'claims:promote': async ({ segmentId }: { segmentId: string }) => {
        backend.calls.push(`promote ${segmentId}`);
        const a = backend.article;
        const segment = a.setAside.find((s) => s.id === segmentId)!;
        const claims = [...a.claims, promoteSegment(segment, 'Ana Ruiz', when())].sort((x, y) => x.start - y.start);
        backend.article = { ...a, claims, setAside: a.setAside.filter((s) => s.id !== segmentId) };
        return { article: backend.article };
      },
    },
  };
});

// Imported after the mock, so the desk talks to the stand-in.
const { ArticleView } = await import('../../../src/renderer/src/features/article/ArticleView');

const TEXT = normalizeText(
  [
    'Harbor Town Votes to Raise the Seawall',
    'By Nadia Ferreira',
    'The town council voted 5-2 on Wednesday to raise the seawall by 1.2 meters.',
    'Advertisement',
    'The mayor said the work would begin in May.',
    'Credit...Jonah Mills for The Ledger',
    'Engineers estimate that the wall will protect 4,300 homes until 2060.',
    '• The last major flood was in 2019.',
  ].join('\n'),
);

function makeArticle(): Article {
  let n = 0;
  const { claims, setAside } = recordsOf(extractSegments(TEXT), () => `id${++n}`);
  const at = '2026-03-01T09:00:00.000Z';
  return {
    id: 'a1',
    title: 'Harbor Town Votes to Raise the Seawall',
    sourceUrl: '',
    author: '',
    publication: '',
    publishedAt: '',
    createdAt: at,
    updatedAt: at,
    text: TEXT,
    revisions: [{ id: 'r1', text: TEXT, createdAt: at }],
    claims,
    setAside,
    orphans: [],
    sources: [],
  };
}

const texts = (items: ReturnType<typeof listItems>) => items.map((i) => (i.kind === 'claim' ? `${i.number} ${i.claim.text}` : `[${i.segment.setAside}] ${i.segment.text}`));

describe('the claims list’s rows', () => {
  const article = makeArticle();

  it('are the claims alone, numbered, until set-aside text is asked for', () => {
    const rows = texts(listItems(article, {}, 'article', false));
    expect(rows).toHaveLength(article.claims.length);
    expect(rows[0]).toBe('1 Harbor Town Votes to Raise the Seawall');
    expect(rows.some((r) => r.includes('Advertisement'))).toBe(false);
  });

  it('interleave the set-aside text in article order, claims keeping their numbers, bullets left out', () => {
    const rows = texts(listItems(article, {}, 'article', true));
    expect(rows.slice(2, 7)).toEqual([
      '3 The town council voted 5-2 on Wednesday to raise the seawall by 1.2 meters.',
      '[furniture] Advertisement',
      '4 The mayor said the work would begin in May.',
      '[credit] Credit...Jonah Mills for The Ledger',
      '5 Engineers estimate that the wall will protect 4,300 homes until 2060.',
    ]);
    expect(rows.some((r) => r.startsWith('[list-marker]'))).toBe(false);
  });

  it('pass the list’s filter too, and come after the claims when sorted by check-worthiness', () => {
    expect(texts(listItems(article, { query: 'advertisement' }, 'article', true))).toEqual(['[furniture] Advertisement']);
    const sorted = texts(listItems(article, {}, 'worthiness', true));
    expect(sorted.slice(-2)).toEqual(['[furniture] Advertisement', '[credit] Credit...Jonah Mills for The Ledger']);
  });
});

describe('the review desk with set-aside text', () => {
  // The list is virtualized: give its scroller a size, as a browser would.
  const sizes = ['clientHeight', 'clientWidth', 'offsetHeight', 'offsetWidth'] as const;
  const saved = sizes.map((p) => Object.getOwnPropertyDescriptor(p.startsWith('client') ? Element.prototype : HTMLElement.prototype, p)!);
  const owner = (p: string) => (p.startsWith('client') ? Element.prototype : HTMLElement.prototype);
  beforeAll(() => sizes.forEach((p) => Object.defineProperty(owner(p), p, { configurable: true, get: () => 800 })));
  afterAll(() => sizes.forEach((p, i) => Object.defineProperty(owner(p), p, saved[i]!)));
  beforeEach(() => {
    backend.article = makeArticle();
    backend.calls = [];
  });
  afterEach(cleanup);

  const key = (k: string, init: KeyboardEventInit = {}) => act(async () => void fireEvent.keyDown(document.body, { key: k, ...init }));
  const panelName = () => screen.getByRole('region', { name: /^(Claim \d+ of \d+|Set aside as .*)$/ }).getAttribute('aria-label');
  const list = () => within(screen.getByRole('list', { name: 'Claims' }));

  it('counts the set-aside text, and shows it in the list only when asked, with its kind and no number', async () => {
    render(<ArticleView id="a1" onBack={() => {}} />);
    await screen.findByRole('region', { name: /^Claim 1 of/ });
    const claims = backend.article.claims.length;
    expect(screen.getByText(`${claims} claims · 2 set aside`)).toBeTruthy();
    expect(list().queryByRole('button', { name: /^Set aside/ })).toBeNull();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Show set aside (2)' }));
    const rows = list().getAllByRole('button').map((b) => b.textContent);
    expect(rows[3]).toBe('Set aside as page furniture: ⊘Advertisementfurniture');
    expect(list().getByRole('button', { name: /^Set aside as a credit:\s*Credit\.\.\.Jonah Mills for The Ledger$/ })).toBeTruthy();
    // J walks through the set-aside rows too; the panel says what the passage is.
    for (let i = 0; i < 3; i++) await key('j');
    expect(panelName()).toBe('Set aside as page furniture');
    expect(screen.getByRole('button', { name: /Make it a claim/ }).getAttribute('aria-keyshortcuts')).toBe('P');
  });

  it('O sets a claim aside, Ctrl+Z brings it back and selects it, Shift+Ctrl+Z does it again', async () => {
    render(<ArticleView id="a1" onBack={() => {}} />);
    await screen.findByRole('region', { name: /^Claim 1 of/ });
    const total = backend.article.claims.length;
    await key('j');
    await key('j');
    await key('j');
    expect(panelName()).toBe(`Claim 4 of ${total}`);
    const fourth = backend.article.claims[3]!;

    await key('o');
    await waitFor(() => expect(screen.getByText(`${total - 1} claims · 3 set aside`)).toBeTruthy());
    expect(backend.calls).toEqual([`setAside ${fourth.id}`]);
    // The list no longer shows it: the claim after it is selected, numbered 4 now.
    expect(panelName()).toBe(`Claim 4 of ${total - 1}`);
    expect(screen.getByRole('status').textContent).toBe('Claim 4 set aside as not a claim. Ctrl+Z undoes it.');

    await key('z', { ctrlKey: true });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Undone: claim 4 set aside.'));
    expect(backend.calls.at(-1)).toBe(`promote ${fourth.id}`);
    expect(panelName()).toBe(`Claim 4 of ${total}`);
    expect(screen.getByRole('region', { name: `Claim 4 of ${total}` }).textContent).toContain(fourth.text);

    await key('z', { ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Redone: claim 4 set aside.'));
    expect(backend.calls.at(-1)).toBe(`setAside ${fourth.id}`);
    expect(screen.getByText(`${total - 1} claims · 3 set aside`)).toBeTruthy();
  });

  it('P makes set-aside text a claim and keeps it selected; Ctrl+Z sets it aside again', async () => {
    render(<ArticleView id="a1" onBack={() => {}} />);
    await screen.findByRole('region', { name: /^Claim 1 of/ });
    const total = backend.article.claims.length;
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show set aside (2)' }));
    fireEvent.click(list().getByRole('button', { name: /^Set aside as a credit/ }));
    expect(panelName()).toBe('Set aside as a credit');

    // A verdict key on set-aside text says what to do instead.
    await key('v');
    expect(screen.getByRole('status').textContent).toMatch(/press P to make it a claim/);

    await key('p');
    await waitFor(() => expect(panelName()).toBe(`Claim 5 of ${total + 1}`));
    expect(screen.getByRole('status').textContent).toBe('“Credit...Jonah Mills for The Ledger” is now claim 5. Ctrl+Z undoes it.');
    expect(screen.getByText(`${total + 1} claims · 1 set aside`)).toBeTruthy();

    await key('z', { metaKey: true });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Undone: “Credit...Jonah Mills for The Ledger” made a claim.'));
    // The list shows set-aside text, so the selection stays on it.
    expect(panelName()).toMatch(/^Set aside as /);
  });
});
