import { request } from 'node:http';

/** A JSON object as the API answers it; each caller names the fields it reads. */
export type Json = Record<string, unknown>;

export interface ApiResponse<T = Json> {
  status: number;
  body: T;
}

type Method = 'GET' | 'POST' | 'PATCH';

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * One request on its own connection, closed after the answer. Not fetch: its pooled keep-alive
 * connections would hold a stopping node open (a server closing gracefully waits for connections
 * that were busy when it began to close).
 */
function send(
  url: URL,
  method: Method,
  headers: Record<string, string>,
  payload: string | undefined,
  signal: AbortSignal | undefined,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method,
      headers: {
        ...headers,
        ...(payload === undefined ? {} : { 'content-length': Buffer.byteLength(payload) }),
      },
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
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.end(payload);
  });
}

/** One node's HTTP API, as the demo's users see it: a bearer token per role. */
export class NodeClient {
  readonly tokens = new Map<string, string>();

  constructor(
    /** "DE", "MD": how the console names the node. */
    readonly label: string,
    readonly baseUrl: string,
    /** Aborted when the demo stops: no request leaves after that. */
    private readonly signal?: AbortSignal,
  ) {}

  async request<T = Json>(
    method: Method,
    path: string,
    options: { as?: string; body?: unknown } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    const token = options.as ? this.tokens.get(options.as) : undefined;
    if (options.as && !token) throw new Error(`${this.label}: nobody logged in as ${options.as}`);
    if (token) headers.authorization = `Bearer ${token}`;
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] = 'application/json';
    let answer: { status: number; text: string };
    try {
      answer = await send(new URL(path, this.baseUrl), method, headers, payload, this.signal);
    } catch (error) {
      const code = (error as { code?: string }).code ?? (error as Error).message;
      throw new Error(`${this.label} ${method} ${path}: no answer from ${this.baseUrl} (${code})`);
    }
    let body: unknown = answer.text;
    try {
      body = answer.text ? JSON.parse(answer.text) : {};
    } catch {
      /* not JSON: keep the text for the error message */
    }
    return { status: answer.status, body: body as T };
  }

  /** The request, which must answer `status`; otherwise an error that says who asked what and got what. */
  async call<T = Json>(
    method: Method,
    path: string,
    options: { as?: string; body?: unknown; status?: number } = {},
  ): Promise<T> {
    const expected = options.status ?? (method === 'POST' ? 201 : 200);
    const res = await this.request<T>(method, path, options);
    if (res.status !== expected) {
      const who = options.as ? ` as ${options.as}` : '';
      throw new Error(
        `${this.label} ${method} ${path}${who}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`,
      );
    }
    return res.body;
  }

  /** Logs `username` in and keeps the token under `as`. */
  async login(as: string, username: string, password: string): Promise<void> {
    const body = await this.call<{ accessToken: string }>('POST', '/api/auth/login', {
      body: { username, password },
      status: 200,
    });
    this.tokens.set(as, body.accessToken);
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
