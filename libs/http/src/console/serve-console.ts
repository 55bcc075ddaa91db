import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sendMethodNotAllowed } from '../http-semantics';
import { problem } from '../problem';
import { consoleCsp } from '../security';
import { acceptsHtml, ASSETS_PREFIX, isAssetPath, isClientRoute, pathOf } from './console-paths';

/** Content-hashed file names: a changed file gets a new name, so a cached one never goes stale. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: revalidated (ETag) on every load, so a new build shows at once. */
export const REVALIDATE = 'no-cache';

export const CONSOLE_NOT_BUILT = 'The web console is not built on this server (npm run build)';

const READ_METHODS = ['GET', 'HEAD'];

/**
 * Serves the web console's build in `dir` (index.html, assets/*) at `/`: its assets at /assets/* with
 * immutable caching, index.html at `/` and, for a browser asking for HTML, at every client route of
 * the single-page app (console-paths.ts); other methods on those paths are 405. /api and /health are
 * never touched: an unknown path there keeps the API's 404. These are Fastify routes, not Nest
 * controllers: the OpenAPI document does not list them, and no guard, pipe or interceptor sees them.
 *
 * Without an index.html in `dir` the server still starts, and `/` answers 404 saying the console is
 * not built. Returns whether it is. `providerOrigin`: the identity provider's, which the console's CSP
 * then lets it call (consoleCsp).
 */
export async function serveConsole(
  fastify: FastifyInstance,
  dir: string,
  providerOrigin?: string,
): Promise<boolean> {
  const csp = consoleCsp(providerOrigin);
  const root = resolve(dir);
  const index = join(root, 'index.html');
  const built = existsSync(index);
  if (built) {
    await fastify.register(fastifyStatic, {
      root: join(root, 'assets'),
      prefix: ASSETS_PREFIX,
      index: false,
      // Caching is set below, per file; send's own header would be `public, max-age=0`.
      cacheControl: false,
      // A build without assets/ is odd but servable: its asset paths are then 404s.
      suppressWarning: true,
      // The build writes .br and .gz beside each text asset (apps/console/precompress.mts): sent to a
      // browser that accepts them, with Vary: Accept-Encoding, and never compressed per request.
      preCompressed: true,
      // A directory is not an asset: 404 like any other path the build lacks (send would say 403).
      allowedPath: (pathname) => !pathname.endsWith('/'),
      setHeaders: (reply, path) => {
        reply.header('content-security-policy', csp);
        reply.header('cache-control', path === index ? REVALIDATE : IMMUTABLE);
      },
    });
  }
  const sendIndex = (reply: FastifyReply): FastifyReply =>
    built
      ? reply.sendFile('index.html', root)
      : reply
          .status(404)
          .header('content-security-policy', csp)
          .header('content-type', 'application/problem+json')
          .send(problem(404, CONSOLE_NOT_BUILT));

  // A route of its own: `POST /` gets the 405 of answerMethodNotAllowed (Allow: GET, HEAD).
  fastify.get('/', (_request, reply) => sendIndex(reply));

  // Client routes are not routes of the server: a request no route matched is looked at here, after
  // answerMethodNotAllowed (registered before) found no API route for it, before Nest's 404.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.routeOptions.url !== undefined) return done();
    const path = pathOf(request.url);
    if (!isClientRoute(path) && !isAssetPath(path)) return done();
    if (!READ_METHODS.includes(request.method))
      return sendMethodNotAllowed(reply, request.method, READ_METHODS);
    if (isAssetPath(path) || !acceptsHtml(request.headers.accept)) return done();
    sendIndex(reply);
  });
  return built;
}
