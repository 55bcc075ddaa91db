import { ApiResult, createNrmClient, NrmApiError, NrmClient, ok, RequestBody } from '@nrm/api-client';
import { IncomingHttpHeaders, request } from 'node:http';

const REQUEST_TIMEOUT_MS = 30_000;
/** Statuses whose answer has no body (a Response refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One request on its own connection, closed after the answer. Not the global fetch: its pooled
 * keep-alive connections would hold a stopping node open (a server closing gracefully waits for
 * connections that were busy when it began to close).
 */
function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  payload: Buffer | undefined,
  signal: AbortSignal | undefined,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method,
      headers: { ...headers, ...(payload === undefined ? {} : { 'content-length': payload.length }) },
      agent: false,
      timeout: REQUEST_TIMEOUT_MS,
      signal,
    });
    req.once('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.once('error', reject);
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', reject);
      res.once('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.end(payload);
  });
}

/** The fetch the typed client runs on: `send`, one connection per request, stopped by `signal`. */
function oneConnectionFetch(label: string, signal?: AbortSignal): (request: Request) => Promise<Response> {
  return async (req) => {
    const url = new URL(req.url);
    const headers: Record<string, string> = {};
    req.headers.forEach((value, name) => (headers[name] = value));
    const payload = req.body ? Buffer.from(await req.arrayBuffer()) : undefined;
    let answer: Answer;
    try {
      answer = await send(url, req.method, headers, payload, signal);
    } catch (error) {
      const code = (error as { code?: string }).code ?? (error as Error).message;
      throw new Error(
        `${label} ${req.method} ${url.pathname}${url.search}: no answer from ${url.origin} (${code})`,
      );
    }
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) responseHeaders.append(name, item);
    }
    return new Response(NULL_BODY.has(answer.status) ? null : answer.body, {
      status: answer.status,
      headers: responseHeaders,
    });
  };
}

/**
 * One node's HTTP API, as the demo's users see it: the typed client generated from the node's OpenAPI
 * document (@nrm/api-client), with a bearer token per user.
 */
export class NodeClient {
  readonly tokens = new Map<string, string>();
  private readonly fetch: (request: Request) => Promise<Response>;

  constructor(
    /** "DE", "MD": how the console names the node. */
    readonly label: string,
    readonly baseUrl: string,
    /** Aborted when the demo stops: no request leaves after that. */
    signal?: AbortSignal,
  ) {
    this.fetch = oneConnectionFetch(label, signal);
  }

  /** The typed client, as `as` (a name `login` kept a token under), or as nobody. */
  api(as?: string): NrmClient {
    const token = as === undefined ? undefined : this.tokens.get(as);
    if (as !== undefined && !token) throw new Error(`${this.label}: nobody logged in as ${as}`);
    return createNrmClient({ baseUrl: this.baseUrl, token, fetch: this.fetch });
  }

  /**
   * The data of `request` sent as `as`, which must succeed (with `status`, if given); otherwise an
   * error that says which node, who asked what and what came back.
   */
  async call<Data, Err>(
    as: string | undefined,
    request: (api: NrmClient) => Promise<ApiResult<Data, Err>>,
    status?: number,
  ): Promise<Data> {
    return this.explained(as, () => ok(request(this.api(as)), status));
  }

  private async explained<T>(as: string | undefined, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof NrmApiError)
        throw new Error(
          `${this.label} ${error.method} ${error.url}${as ? ` as ${as}` : ''}: ${error.summary}`,
        );
      throw error;
    }
  }

  /** Logs `username` in and keeps the token under `as`. */
  async login(as: string, username: string, password: string): Promise<void> {
    const body: RequestBody<'/api/auth/login', 'post'> = { username, password };
    const session = await this.call(undefined, (api) => api.POST('/api/auth/login', { body }), 200);
    this.tokens.set(as, session.accessToken);
  }
}

/**
 * Polls `check` until it returns a value (not undefined) or `timeoutMs` passed; the error then names
 * what was awaited and the last thing `check` saw or threw, so a timeout says where the walk stopped.
 */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  options: { timeoutMs: number; intervalMs?: number; lastSeen?: () => string | undefined },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let failure: string | undefined;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
      failure = undefined;
    } catch (error) {
      failure = (error as Error).message;
    }
    if (Date.now() >= deadline) {
      const last = failure ?? options.lastSeen?.();
      throw new Error(
        `timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for ${what}${last ? ` (last: ${last})` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}
