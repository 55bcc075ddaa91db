import { acceptsHtml, isClientRoute, isServerPath } from './console-paths';

describe('which paths are the console', () => {
  it('leaves /api and /health to the server, prefixes as whole segments', () => {
    for (const path of ['/api', '/api/', '/api/nope', '/api/docs', '/health', '/health/ready']) {
      expect({ path, server: isServerPath(path) }).toEqual({ path, server: true });
    }
    for (const path of ['/', '/apis', '/api-keys', '/healthy', '/cases/42']) {
      expect({ path, server: isServerPath(path) }).toEqual({ path, server: false });
    }
  });

  it('takes a path without a dot in its last segment for a client route; files and assets are not', () => {
    // /auth/callback: where the identity provider sends the browser back (?code=...&state=...).
    for (const path of ['/', '/cases/42', '/cases/42/history', '/v1.2/cases', '/apis', '/auth/callback']) {
      expect({ path, route: isClientRoute(path) }).toEqual({ path, route: true });
    }
    for (const path of [
      '/favicon.ico',
      '/robots.txt',
      '/assets/app.js',
      '/assets/',
      '/api/nope',
      '/health',
    ]) {
      expect({ path, route: isClientRoute(path) }).toEqual({ path, route: false });
    }
  });

  it('reads a browser navigation from Accept', () => {
    expect(acceptsHtml('text/html,application/xhtml+xml,*/*;q=0.8')).toBe(true);
    expect(acceptsHtml('TEXT/HTML')).toBe(true);
    expect(acceptsHtml(['application/json', 'text/html'])).toBe(true);
    for (const accept of [undefined, '', '*/*', 'application/json', 'image/avif,image/webp,*/*']) {
      expect({ accept, html: acceptsHtml(accept) }).toEqual({ accept, html: false });
    }
  });
});
