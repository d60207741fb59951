import { useCallback, useEffect, useState } from 'react';
import type { Preferences } from '../../../shared/model';
import { api, errorMessage } from '../api/client';
import { ArticleView } from '../features/article/ArticleView';
import { CheckerDialog } from '../features/checker/CheckerDialog';
import { DeskBar } from '../features/desk/DeskBar';
import { LibraryView } from '../features/library/LibraryView';
import { LibrarySearchDialog } from '../features/memory/LibrarySearchDialog';
import { SEARCH_KEY_LABEL, useSearchKey } from '../features/memory/use-search-key';
import { routeHash, useRoute } from './use-route';

export function App() {
  const [route, navigate] = useRoute();
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  const [askChecker, setAskChecker] = useState(false);
  const [fatal, setFatal] = useState<string | null>(null);
  // Library-wide search (Ctrl/⌘+K, from any view); `/` stays the search of the list on screen.
  const [searching, setSearching] = useState<{ query?: string } | null>(null);
  const openSearch = useCallback(() => {
    // From the library's title search, its words carry over: “not in a title? search inside”.
    const field = document.activeElement;
    setSearching({ query: field instanceof HTMLInputElement && field.id === 'library-search' ? field.value.trim() || undefined : undefined });
  }, []);
  useSearchKey(openSearch);
  // Once the claim found is on screen, the address forgets it: a reload stays where the checker is.
  const claimOpened = useCallback(() => {
    if (route.view === 'article') window.history.replaceState(null, '', routeHash({ view: 'article', id: route.id }));
  }, [route]);

  useEffect(() => {
    api['preferences:get']({}).then(
      ({ preferences }) => {
        setPreferences(preferences);
        setAskChecker(preferences.checker.trim() === '');
      },
      (error) => setFatal(errorMessage(error)),
    );
  }, []);

  const saveChecker = useCallback(async (checker: string) => {
    const result = await api['preferences:set']({ preferences: { checker } });
    setPreferences(result.preferences);
    setAskChecker(false);
  }, []);

  if (fatal) {
    return (
      <main className="fatal" role="alert">
        <h1>Factdesk cannot reach its library</h1>
        <p>{fatal}</p>
      </main>
    );
  }
  if (!preferences) return <main className="loading" aria-busy="true" />;

  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="#/" aria-label="Factdesk library">
          Factdesk
        </a>
        <button type="button" className="topbar-search" onClick={openSearch} aria-keyshortcuts="Control+K Meta+K">
          Search the library <kbd aria-hidden="true">{SEARCH_KEY_LABEL}</kbd>
        </button>
        <DeskBar />
        <button type="button" className="checker-chip" onClick={() => setAskChecker(true)} aria-label={`Checker: ${preferences.checker || 'not set'}. Change`}>
          <span aria-hidden="true">●</span> {preferences.checker || 'Set checker'}
        </button>
      </header>
      {route.view === 'library' ? (
        <LibraryView onOpen={(id) => navigate({ view: 'article', id })} />
      ) : (
        <ArticleView key={route.id} id={route.id} onBack={() => navigate({ view: 'library' })} openClaim={route} onClaimOpened={claimOpened} />
      )}
      {searching && (
        <LibrarySearchDialog
          initialQuery={searching.query}
          checkers={preferences.checker ? [preferences.checker] : []}
          onClose={() => setSearching(null)}
          onOpen={(id, claim) => {
            setSearching(null);
            navigate({ view: 'article', id, claim });
          }}
        />
      )}
      {askChecker && (
        <CheckerDialog
          initial={preferences.checker}
          onSave={saveChecker}
          onCancel={preferences.checker ? () => setAskChecker(false) : undefined}
        />
      )}
    </div>
  );
}
