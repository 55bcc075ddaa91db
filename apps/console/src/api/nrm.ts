import { createNrmClient, type NrmClient } from '@nrm/api-client';
import { sessionStore } from '../session/session-store';
import { connectionStore } from './connection-store';

let unauthorised: () => void = () => undefined;
/** Who to tell when the node refuses the access token (revoked elsewhere, expired): the session. */
export function onUnauthorised(listener: () => void): void {
  unauthorised = listener;
}

/** Records whether the node answered, so a lost connection shows a banner (and nothing is retried blindly). */
async function watchedFetch(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    connectionStore.answered();
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/auth/')) unauthorised();
    return response;
  } catch (error) {
    connectionStore.lost();
    throw error;
  }
}

/** The node's API, typed by its OpenAPI document; the bearer token comes from the session in memory. */
export const nrm: NrmClient = createNrmClient({
  baseUrl: window.location.origin,
  token: () => sessionStore.accessToken(),
  fetch: watchedFetch,
});
