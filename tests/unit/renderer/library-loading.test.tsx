// @vitest-environment jsdom
// Back from an article, a checker presses `/` and types at once, before the library's
// list has arrived: the search is already there, nothing typed is lost, and once the
// list arrives the query filters it.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleSummary } from '../../../src/shared/model';

const world = vi.hoisted(() => ({ answer: null as null | ((result: unknown) => void) }));

vi.mock('../../../src/renderer/src/api/client', () => ({
  errorMessage: (e: unknown) => (e instanceof Error ? e.message : String(e)),
  api: new Proxy(
    {},
    {
      get: (_target, op: string) => () => {
        if (op !== 'library:list') throw new Error(`unexpected call: ${op}`);
        return new Promise((resolve) => (world.answer = resolve));
      },
    },
  ),
}));

const { LibraryView } = await import('../../../src/renderer/src/features/library/LibraryView');

const summary = (id: string, title: string): ArticleSummary =>
  ({
    id,
    title,
    publication: null,
    createdAt: '2026-11-02T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
    total: 4,
    counts: { unchecked: 4, verified: 0, disputed: 0, sourced: 0 },
    flagged: 0,
    fingerprint: `fp-${id}`,
  }) as unknown as ArticleSummary;

afterEach(cleanup);

describe('the library while its list loads', () => {
  it('takes `/` and a query typed before the list arrives, and applies it when it does', async () => {
    render(<LibraryView onOpen={() => {}} />);
    const search = screen.getByRole('searchbox', { name: 'Search titles and publications' });
    expect(screen.getByText('Loading the library…')).toBeTruthy();
    // Nothing is said about matches before there is a list to match.
    expect(screen.queryByText(/No articles match/)).toBeNull();

    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(search);
    fireEvent.change(search, { target: { value: 'casualty' } });

    await act(async () => world.answer!({ articles: [summary('a1', 'Valley floods'), summary('a2', 'Insurers brace')], problems: [] }));
    expect((search as HTMLInputElement).value).toBe('casualty');
    expect(document.activeElement).toBe(search);
    expect(screen.getByText(/No articles match “casualty”/).textContent).toContain('Ctrl/⌘+K searches inside the articles');
    expect(screen.getByText('0 of 2 articles')).toBeTruthy();
  });
});
