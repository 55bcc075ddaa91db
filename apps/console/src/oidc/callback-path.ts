/**
 * Where the identity provider sends the browser back: a client route of the console, which the node
 * answers with index.html like any other (libs/http/src/console/console-paths.ts). Its own module so
 * that App can check it without loading the sign-in flow.
 */
export const OIDC_CALLBACK_PATH = '/auth/callback';

/** The redirect_uri registered at the provider for this console: `<origin>/auth/callback`. */
export const redirectUri = (origin: string): string => `${origin}${OIDC_CALLBACK_PATH}`;
