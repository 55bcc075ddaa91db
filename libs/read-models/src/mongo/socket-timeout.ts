const DEFAULT_SOCKET_TIMEOUT_MS = 60_000;

/** The socket timeout to pass: the driver's options outrank the URL's, so the default yields to a URL that sets one. */
export function socketTimeout(url: string, given?: number): { socketTimeoutMS?: number } {
  if (given !== undefined) return { socketTimeoutMS: given };
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  const inUrl = [...new URLSearchParams(query).keys()].some((key) => key.toLowerCase() === 'sockettimeoutms');
  return inUrl ? {} : { socketTimeoutMS: DEFAULT_SOCKET_TIMEOUT_MS };
}
