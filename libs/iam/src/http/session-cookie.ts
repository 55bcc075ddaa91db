/**
 * The browser session's cookie: the refresh token, where the web console's JavaScript cannot read it.
 *
 * HttpOnly keeps it out of reach of script (an XSS can use the session while the page is open, but
 * cannot carry the token away); Path=/api/auth sends it to the session routes only, never with the
 * API calls that carry the access token; Secure whenever the request came over https (as Fastify's
 * request.protocol says, which honours X-Forwarded-Proto from a trusted proxy, NRM_TRUST_PROXY).
 *
 * CSRF: the cookie is the one credential a browser attaches by itself. SameSite=Strict keeps it off
 * every request another site starts (link, form, script). A page of a sibling subdomain (same site)
 * still cannot forge anything useful: an HTML form always sends a form or text body, which the node
 * refuses (415, JSON only: libs/http/src/http-semantics.ts) before any handler runs; its scripts get
 * no CORS grant with credentials, so a bodiless fetch that rotates the session cannot read the answer
 * (the access token), and the cookie it rotated stays the browser's. The worst left is a forged
 * sign-out, a nuisance and no breach. The access token itself is never a cookie: it is sent by the
 * console's code in Authorization, which no other page can make a browser send.
 */
export const SESSION_COOKIE = 'nrm_session';
export const SESSION_COOKIE_PATH = '/api/auth';

/** What the cookie routes need of Fastify's request (with @fastify/cookie: libs/http/src/cookies.ts). */
export interface CookieRequest {
  cookies?: Record<string, string | undefined>;
  protocol: string;
}

/** What the cookie routes need of Fastify's reply (with @fastify/cookie). */
export interface CookieReply {
  setCookie(name: string, value: string, options: SessionCookieOptions): unknown;
  clearCookie(name: string, options: SessionCookieOptions): unknown;
}

interface SessionCookieOptions {
  httpOnly: true;
  sameSite: 'strict';
  path: string;
  secure: boolean;
  maxAge?: number;
}

const options = (request: CookieRequest): SessionCookieOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  path: SESSION_COOKIE_PATH,
  secure: request.protocol === 'https',
});

/** The refresh token the browser sent, if any. */
export function sessionCookieOf(request: CookieRequest): string | undefined {
  const value = request.cookies?.[SESSION_COOKIE];
  return value ? value : undefined;
}

/** Sets the cookie to `token` for the `maxAgeSeconds` the session has left. */
export function setSessionCookie(
  request: CookieRequest,
  reply: CookieReply,
  token: string,
  maxAgeSeconds: number,
): void {
  reply.setCookie(SESSION_COOKIE, token, { ...options(request), maxAge: maxAgeSeconds });
}

/** Tells the browser to drop the cookie (Max-Age=0, the same Path, so it names the same cookie). */
export function clearSessionCookie(request: CookieRequest, reply: CookieReply): void {
  reply.clearCookie(SESSION_COOKIE, options(request));
}
