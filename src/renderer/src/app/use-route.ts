import { useCallback, useEffect, useState } from 'react';

/** An article view may name a claim to open on (a library search result). */
export type Route = { view: 'library' } | { view: 'article'; id: string; claim?: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/article\/([A-Za-z0-9_-]+)(?:\/claim\/([A-Za-z0-9_-]+))?$/.exec(hash);
  if (!match) return { view: 'library' };
  return match[2] ? { view: 'article', id: match[1]!, claim: match[2] } : { view: 'article', id: match[1]! };
}

export function routeHash(route: Route): string {
  if (route.view === 'library') return '#/';
  return route.claim ? `#/article/${route.id}/claim/${route.claim}` : `#/article/${route.id}`;
}

/** The current view, kept in the address's hash so reload and Back work. */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    window.location.hash = routeHash(next);
  }, []);
  return [route, navigate];
}
