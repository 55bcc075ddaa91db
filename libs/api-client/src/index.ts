/**
 * @nrm/api-client: a typed client of the node's HTTP API, generated from its OpenAPI document
 * (libs/api-client/openapi.json → src/schema.d.ts, `npm run api:client`) and run by openapi-fetch.
 *
 *   const nrm = createNrmClient({ baseUrl: 'https://nrm.example.org', token });
 *   const { data, error, response } = await nrm.POST('/api/cases', { body: registration });
 *
 * Paths, parameters, bodies and answers are checked by the compiler against the document; an error is
 * the problem+json body the document declares for its status (`error.rule` on a 422, `error.errors`
 * on a 400, `error.currentRevision` on a 409). How a partner generates the same from /api/docs-json:
 * docs/api.md.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema';
export { ENUM_VALUES } from './enum-values';
export { OPERATION_ROLES, type OperationKey } from './operation-roles';

export type { components, operations, paths };

/** The schemas of the document by name: `Schema<'RegisterCaseDto'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** RFC 9457 problem details: every error of the API. */
export type Problem = Schema<'Problem'>;
/** 400: each field that failed validation, with why. */
export type ValidationProblem = Schema<'ValidationProblem'>;
/** 422: the rule of the referral mechanism that refused the command. */
export type RuleProblem = Schema<'RuleProblem'>;
/** 409: the case changed; its revision now. */
export type ConflictProblem = Schema<'ConflictProblem'>;
/** Any error body of the API (narrow on `status`, or test for `rule`, `errors`, `currentRevision`). */
export type AnyProblem = Problem | ValidationProblem | RuleProblem | ConflictProblem;
/** The ids of the rules a 422 may name. */
export type RuleId = RuleProblem['rule'];

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';
/** The paths that have an operation for `M`: `PathsWith<'post'>`. */
export type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: paths[P][M] extends undefined ? never : P;
}[keyof paths];
/** The operation (parameters, requestBody, responses) of `M` on `P`. */
export type OperationOf<P extends PathsWith<M>, M extends HttpMethod> = NonNullable<paths[P][M]>;

type JsonOf<Content> = Content extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body `M` on `P` takes: `RequestBody<'/api/cases', 'post'>`. */
export type RequestBody<P extends PathsWith<M>, M extends HttpMethod> = JsonOf<
  NonNullable<OperationOf<P, M>['requestBody']>
>;
/** The query parameters of `M` on `P`: `QueryParams<'/api/cases', 'get'>`. */
export type QueryParams<P extends PathsWith<M>, M extends HttpMethod> = NonNullable<
  OperationOf<P, M>['parameters']['query']
>;
/** The JSON body of the answer `Status` (default: the 2xx ones) of `M` on `P`. */
export type ResponseBody<
  P extends PathsWith<M>,
  M extends HttpMethod,
  Status extends keyof OperationOf<P, M>['responses'] = Extract<
    keyof OperationOf<P, M>['responses'],
    200 | 201 | 202 | 204
  >,
> = JsonOf<OperationOf<P, M>['responses'][Status]>;

/** The client: `GET`, `POST`, `PATCH`... one method per HTTP method, each typed by the document. */
export type NrmClient = Client<paths>;

export interface NrmClientOptions {
  /** The node, e.g. https://nrm.example.org (paths start with /api). */
  baseUrl: string;
  /**
   * The bearer token sent with every request, or a function that returns the current one (a session
   * that refreshes its token); none: only the public routes answer.
   */
  token?: string | (() => string | undefined);
  /** Another fetch (a test transport, one connection per request...); default: globalThis.fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request (e.g. X-Correlation-Id). */
  headers?: Record<string, string>;
}

/** The request each answer came from: an error then says what was asked (method, path, query). */
const requests = new WeakMap<Response, Request>();
const remember: Middleware = {
  onResponse({ request, response }) {
    requests.set(response, request);
  },
};

/** A client of one node, sending `token` (if any) as `Authorization: Bearer`. */
export function createNrmClient(options: NrmClientOptions): NrmClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: options.fetch,
    headers: options.headers,
  });
  client.use(remember);
  const { token } = options;
  if (token !== undefined) {
    const bearer: Middleware = {
      onRequest({ request }) {
        const value = typeof token === 'function' ? token() : token;
        if (value && !request.headers.has('authorization'))
          request.headers.set('authorization', `Bearer ${value}`);
        return request;
      },
    };
    client.use(bearer);
  }
  return client;
}

/** What every call of the client resolves to (openapi-fetch's FetchResponse, loosely). */
export interface ApiResult<Data, Err> {
  data?: Data;
  error?: Err;
  response: Response;
}

/** A request that did not get the answer it needed: the status, and the problem+json body if any. */
export class NrmApiError extends Error {
  /** "422 Unprocessable Entity: ... (rule guardian-required)": the answer in words. */
  readonly summary: string;

  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    /** The problem+json body (undefined when the answer had none, or was a success). */
    readonly problem: AnyProblem | undefined,
    /** The body as it came, when it was not a problem (text, other JSON, a success's data). */
    readonly body?: unknown,
    /** The answer the caller needed, when it named one: a status, or "a refusal". */
    readonly expected?: number | string,
  ) {
    const what = problem
      ? `${problem.title}: ${problem.detail}` +
        ('rule' in problem ? ` (rule ${problem.rule})` : '') +
        ('errors' in problem ? ` ${JSON.stringify(problem.errors)}` : '')
      : JSON.stringify(body ?? null).slice(0, 500);
    const summary = `${expected === undefined ? '' : `expected ${expected}, got `}${status} ${what}`;
    super(`${method} ${url}: ${summary}`);
    this.name = 'NrmApiError';
    this.summary = summary;
  }
}

const isProblem = (body: unknown): body is AnyProblem =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as Problem).status === 'number' &&
  typeof (body as Problem).title === 'string';

/** The answer of a request as an NrmApiError: the problem typed, the request named. */
export function apiError(result: ApiResult<unknown, unknown>, expected?: number | string): NrmApiError {
  const { response } = result;
  const body = response.ok ? result.data : result.error;
  const request = requests.get(response);
  const url = request ? new URL(request.url) : undefined;
  return new NrmApiError(
    request?.method ?? 'request',
    url ? `${url.pathname}${url.search}` : '(unknown)',
    response.status,
    isProblem(body) ? body : undefined,
    isProblem(body) ? undefined : body,
    expected,
  );
}

/**
 * The data of a successful answer (optionally: of exactly `status`); otherwise throws NrmApiError
 * with the problem the node answered. `await ok(nrm.POST('/api/cases', { body }), 201)`.
 */
export async function ok<Data, Err>(
  pending: Promise<ApiResult<Data, Err>> | ApiResult<Data, Err>,
  status?: number,
): Promise<Data> {
  const result = await pending;
  const { response } = result;
  if (status === undefined ? !response.ok : response.status !== status) throw apiError(result, status);
  return result.data as Data;
}

/** The refusal of a request that must be refused (optionally: with exactly `status`), as its problem. */
export async function refused<Data, Err>(
  pending: Promise<ApiResult<Data, Err>> | ApiResult<Data, Err>,
  status?: number,
): Promise<NonNullable<Err>> {
  const result = await pending;
  const { response } = result;
  if (response.ok || (status !== undefined && response.status !== status) || !isProblem(result.error))
    throw apiError(result, status ?? 'a refusal');
  return result.error as NonNullable<Err>;
}

/** The case revision an answer's ETag names ("3" → 3), to send back as If-Match. */
export function revisionOf(response: Response): number | undefined {
  const match = /^(?:W\/)?"?(-?\d+)"?$/.exec(response.headers.get('etag')?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The If-Match value of a case revision: `{ params: { header: { 'If-Match': ifMatch(3) } } }`. */
export const ifMatch = (revision: number): string => `"${revision}"`;
