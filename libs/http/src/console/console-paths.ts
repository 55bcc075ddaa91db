/**
 * Which requests belong to the web console: everything outside the API (`/api`, `/api/...`) and the
 * health check (`/health`, `/health/...`). Among them, `/assets/...` are the build's files and a path
 * whose last segment has no dot is a client route of the single-page app (`/cases/42`), answered with
 * index.html; a path with a dot (`/favicon.ico`) names a file, and one the build lacks is a 404.
 */
export const ASSETS_PREFIX = '/assets/';

const under = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}/`);

/** The request's path, without the query. */
export const pathOf = (url: string): string => url.split('?')[0];

/** Paths the console never answers: the API's and the health check's keep their own meaning. */
export const isServerPath = (path: string): boolean => under(path, '/api') || under(path, '/health');

export const isAssetPath = (path: string): boolean => path.startsWith(ASSETS_PREFIX);

/** A route of the console's client-side router: index.html answers it, the app then renders it. */
export function isClientRoute(path: string): boolean {
  if (isServerPath(path) || isAssetPath(path)) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

/** A browser navigating to a page asks for HTML; a script's fetch() or a crawler's probe usually not. */
export const acceptsHtml = (accept: string | string[] | undefined): boolean =>
  [accept ?? ''].flat().some((value) => value.toLowerCase().includes('text/html'));
