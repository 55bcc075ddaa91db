import type { FastifyInstance, FastifyReply } from 'fastify';
import { problem } from './problem';

/**
 * The API reads JSON only (and CloudEvents JSON at the partner inbox): bodies of any other type,
 * form-encoded and plain text included, are refused with 415 before anything reads them, instead of
 * being parsed into something that validation then has to refuse.
 */
export function acceptJsonOnly(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser(['text/plain']);
}

/** A route's path pattern (`/api/cases/:id`) as a matcher of concrete paths. */
function matcherOf(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * A method a path does not have answers 405 with `Allow` (RFC 9110 §15.5.6), not 404: a client learns
 * that the resource exists and what it can do with it. The route table is collected as routes are
 * registered; a request no route matched is looked up in it before the 404.
 *
 * A path that is a route of its own (`/api/partners/inbox`) is that resource only, as OpenAPI reads
 * paths (a concrete path before the templates it also matches): a method it lacks is a 405 naming its
 * methods, never a call of a template that happens to match it (`GET /api/partners/{nodeId}`).
 */
export function answerMethodNotAllowed(fastify: FastifyInstance): void {
  const routes = new Map<string, { matcher: RegExp; methods: Set<string> }>();
  /** Concrete paths (no parameter), without a trailing slash → their methods. */
  const concrete = new Map<string, Set<string>>();
  fastify.addHook('onRoute', (route) => {
    const entry = routes.get(route.url) ?? { matcher: matcherOf(route.url), methods: new Set<string>() };
    const methods = [route.method].flat().map((method) => method.toUpperCase());
    for (const method of methods) entry.methods.add(method);
    routes.set(route.url, entry);
    if (!/[:*]/.test(route.url)) {
      const path = withoutTrailingSlash(route.url);
      concrete.set(path, new Set([...(concrete.get(path) ?? []), ...methods]));
    }
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    const path = request.url.split('?')[0];
    let allowed = concrete.get(withoutTrailingSlash(path));
    if (!allowed) {
      if (request.routeOptions.url !== undefined) return done();
      allowed = new Set<string>();
      for (const { matcher, methods } of routes.values()) {
        if (matcher.test(path)) for (const method of methods) allowed.add(method);
      }
    }
    if (allowed.size === 0 || allowed.has(request.method)) return done();
    sendMethodNotAllowed(reply, request.method, allowed);
  });
}

/** 405 with `Allow` and a problem naming the allowed methods (sorted): one form for every path. */
export function sendMethodNotAllowed(reply: FastifyReply, method: string, allowed: Iterable<string>): void {
  const allow = [...allowed].sort().join(', ');
  void reply
    .status(405)
    .header('allow', allow)
    .header('content-type', 'application/problem+json')
    .send(problem(405, `${method} is not allowed here; allowed: ${allow}`));
}

const withoutTrailingSlash = (path: string): string => (path.length > 1 ? path.replace(/\/+$/, '') : path);
