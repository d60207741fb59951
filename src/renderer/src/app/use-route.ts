import { useCallback, useEffect, useState } from 'react';

export type Route = { view: 'library' } | { view: 'article'; id: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/article\/([A-Za-z0-9_-]+)$/.exec(hash);
  return match ? { view: 'article', id: match[1]! } : { view: 'library' };
}

export function routeHash(route: Route): string {
  return route.view === 'article' ? `#/article/${route.id}` : '#/';
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
