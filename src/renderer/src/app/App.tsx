import { useCallback, useEffect, useState } from 'react';
import type { Preferences } from '../../../shared/model';
import { api, errorMessage } from '../api/client';
import { ArticleView } from '../features/article/ArticleView';
import { CheckerDialog } from '../features/checker/CheckerDialog';
import { LibraryView } from '../features/library/LibraryView';
import { useRoute } from './use-route';

export function App() {
  const [route, navigate] = useRoute();
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  const [askChecker, setAskChecker] = useState(false);
  const [fatal, setFatal] = useState<string | null>(null);

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
        <button type="button" className="checker-chip" onClick={() => setAskChecker(true)} aria-label={`Checker: ${preferences.checker || 'not set'}. Change`}>
          <span aria-hidden="true">●</span> {preferences.checker || 'Set checker'}
        </button>
      </header>
      {route.view === 'library' ? (
        <LibraryView onOpen={(id) => navigate({ view: 'article', id })} />
      ) : (
        <ArticleView key={route.id} id={route.id} onBack={() => navigate({ view: 'library' })} />
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
