import { createNrmClient, type NrmClient } from '@nrm/api-client';
import { sessionStore } from '../session/session-store';
import { connectionStore } from './connection-store';

/** Records whether the node answered, so a lost connection shows a banner (and nothing is retried blindly). */
async function watchedFetch(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    connectionStore.answered();
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
