import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { NodeConfig } from '@nrm/config/node-config';

/** The API answers JSON only: nothing may be loaded, framed or submitted on its behalf. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Swagger UI (/api/docs) is a page: its own scripts and styles (one inline style block), images as data: URIs. */
export const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/**
 * The web console (served at `/` by the node and the gateway, libs/http/src/console): its own scripts
 * only, none inline; styles may be inline (Mantine injects style tags and style attributes). The
 * console's answers replace this hook's policy and `no-store` with this one and their own caching.
 * Written out rather than shared with DOCS_CSP, so that tightening one never loosens or breaks the other.
 */
export const CONSOLE_CSP = consoleCsp();

/**
 * The console's policy; with the console's sign-in through the identity provider configured
 * (NRM_OIDC_CLIENT_ID), its fetch() may also reach the issuer's origin, and that origin only: the
 * discovery document and the token endpoint are there (the authorization endpoint is a navigation,
 * which connect-src does not govern).
 */
export function consoleCsp(providerOrigin?: string): string {
  const connect = providerOrigin ? `'self' ${new URL(providerOrigin).origin}` : "'self'";
  return (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    `font-src 'self' data:; connect-src ${connect}; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'`
  );
}

const DOCS_PREFIX = '/api/docs';

type Bucket = 'auth' | 'api';

/** Login, refresh and logout get their own, tighter limit: they are what a password guesser calls. */
function bucketOf(url: string): Bucket | undefined {
  const path = url.split('?')[0];
  if (path.startsWith('/api/auth/')) return 'auth';
  if (path === '/api' || path.startsWith('/api/')) return 'api';
  return undefined;
}

/** Security headers, per-address rate limits and CORS (closed unless NRM_CORS_ORIGINS lists origins). */
export async function applySecurity(app: NestFastifyApplication, config: NodeConfig): Promise<void> {
  // Helmet's other headers (HSTS, nosniff, frame options, referrer policy, COOP/CORP) for every answer;
  // the CSP is chosen per path below, because the docs page needs more than the JSON API.
  await app.register(helmet, { contentSecurityPolicy: false, global: true });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    const path = request.url.split('?')[0];
    const docs =
      path === DOCS_PREFIX || path.startsWith(`${DOCS_PREFIX}/`) || path.startsWith(`${DOCS_PREFIX}-`);
    reply.header('content-security-policy', docs ? DOCS_CSP : API_CSP);
    reply.header('cache-control', 'no-store');
    done();
  });

  await app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    keyGenerator: (request) => `${bucketOf(request.url)}:${request.ip}`,
    max: (_request, key) =>
      key.startsWith('auth:') ? config.authRateLimitPerMinute : config.apiRateLimitPerMinute,
    allowList: (request) => bucketOf(request.url) === undefined,
    // Thrown, and answered as problem+json by the global filter (Retry-After is already set).
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Too many requests from this address; retry after ${context.after}`,
    }),
  });

  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'if-match', 'x-correlation-id'],
      exposedHeaders: ['etag', 'retry-after'],
      credentials: false,
      maxAge: 600,
    });
  }
}
