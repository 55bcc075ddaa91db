import { EVENT_STORE, EventStore } from '@nrm/event-store/port';
import { TRM_UNAUTHENTICATED_STREAM } from '@nrm/contracts';
import { JOURNAL_TYPES } from '@nrm/partner-bridge/bridge/trm-journal';
import { CLOUDEVENTS_JSON } from '@nrm/transnational';
import { makeTestEnvelope, makeTestPartner } from '@nrm/transnational/testing';
import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';
import {
  BODIES,
  bodyFor,
  OpenApiDocument,
  Operation,
  operationsOf,
  pathOf,
  pathParamsOf,
  QUERIES,
} from '../support/route-inputs';

/**
 * Thousands of malformed requests at every route of the node, each with a token the route admits: none
 * gets a 5xx, none records anything (issue "Privacy, security and access control", item 6).
 *
 * The routes come from the node's own OpenAPI document, the valid input of each from
 * test/support/route-inputs (shared with the attack matrix): a new route is fuzzed without anyone
 * editing this file, and one that got no request fails the run. Every request carries at least one
 * mutation that makes it invalid (a broken body, an id that names nothing, an unknown query
 * parameter, a foreign content type, a stale If-Match), so every one must be refused, and noise
 * (weird headers, weird values for declared query parameters) on top.
 *
 * The one route that records a refusal by design is the partner inbox: it refuses and records whatever
 * is forged, unknown or malformed (issue "Transnational referral"), so each request the inbox judges
 * and rejects (422) adds exactly one event, to the unauthenticated stream; anything refused before it
 * is judged (not JSON, too large, a content type the node has no parser for, an unknown query
 * parameter) adds none.
 *
 * FUZZ_SEED replays a run; FUZZ_ROUNDS is the number of requests per route (at least 40).
 */

const INBOX = 'POST /api/partners/inbox';

/** Seeds for the public routes, which the attack matrix sends no body (their refusal is not its subject). */
const PUBLIC_BODIES: Record<string, object> = {
  // An account that does not exist: a malformed login must not even count against a real one.
  'POST /api/auth/login': { username: 'fuzz-nobody', password: 'not the password 1234' },
  'POST /api/auth/refresh': { refreshToken: 'r'.repeat(43) },
  'POST /api/auth/session': { username: 'fuzz-nobody', password: 'not the password 1234' },
  // The browser session's own routes take no body: their credential is the nrm_session cookie.
  'POST /api/auth/session/refresh': {},
  'DELETE /api/auth/session': {},
};

/** A small seeded PRNG (mulberry32): a failing run can be replayed from its seed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Random = () => number;
type Pick = <T>(xs: readonly T[]) => T;

const uuidFrom = (random: Random) =>
  'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = Math.floor(random() * 16);
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });

const WEIRD: unknown[] = [
  null,
  true,
  -1,
  1e308,
  '',
  'x'.repeat(5000),
  '../../etc/passwd',
  "'; DROP TABLE events; --",
  '<script>alert(1)</script>',
  '\u0000\uffff',
  '2024-13-45',
  'ZZ',
  [],
  [null],
  {},
  { $gt: '' },
  { __proto__: { polluted: true } },
  Array.from({ length: 200 }, () => 'a'),
];
const LONG_LIST = Array.from({ length: 200 }, () => 'a');

/** The JSON type of a value: a wrong value for a field is one of another type, or far too long. */
const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** What a body may be broken against: its schema in the document, and whether `null` is invalid for it. */
interface BodyRules {
  fields: string[];
  required: string[];
  /** Nest reads a `null` body as `{}`: valid where nothing is required. */
  nullBreaks: boolean;
}

/** One mutation that makes a valid body invalid (never a valid variant of it), and what it did. */
function breakBody(
  body: Record<string, unknown>,
  rules: BodyRules,
  pick: Pick,
): { broken: unknown; how: string } {
  const keys = Object.keys(body);
  switch (pick(['unknown-field', 'wrong-value', 'missing-required', 'not-an-object', 'nested']) as string) {
    case 'unknown-field': {
      const names = ['isAdmin', 'caseId', 'revision', 'role', '__proto__x', 'constructor'];
      const key = pick(names.filter((name) => !rules.fields.includes(name)));
      return { broken: { ...body, [key]: pick(WEIRD) }, how: `unknown field ${key}` };
    }
    case 'wrong-value': {
      if (keys.length === 0) return { broken: { smuggled: pick(WEIRD) }, how: 'unknown field smuggled' };
      const key = pick(keys);
      const valid = body[key];
      // class-validator reads an optional field's null as absent: null is wrong only where required.
      const wrong = [
        ...WEIRD.filter((w) => typeOf(w) !== typeOf(valid) && (w !== null || rules.required.includes(key))),
        ...(typeof valid === 'string' ? ['x'.repeat(5000)] : []), // longer than any text (4000)
        ...(Array.isArray(valid) ? [LONG_LIST, [null]] : []), // longer than any list (50)
      ];
      return { broken: { ...body, [key]: pick(wrong) }, how: `wrong value for ${key}` };
    }
    case 'missing-required': {
      const key = keys.find((k) => rules.required.includes(k));
      if (key === undefined) return { broken: { ...body, smuggled: 1 }, how: 'unknown field smuggled' };
      return {
        broken: Object.fromEntries(Object.entries(body).filter(([k]) => k !== key)),
        how: `${key} missing`,
      };
    }
    case 'not-an-object':
      return {
        broken: pick([[], 'text', 42, [body], ...(rules.nullBreaks ? [null] : [])]),
        how: 'not an object',
      };
    default:
      return {
        broken: { ...body, person: { ...REGISTRATION.person, sex: pick(WEIRD), extra: 1 } },
        how: 'odd person',
      };
  }
}

/** Bodies that are not JSON at all (the inbox refuses them before judging: 400, nothing recorded). */
const NOT_JSON = ['{"a":', '\u0000', '{"a":1}{', '[', '"', "{'single': 'quotes'}", 'NaN', '{"a":1,}'];
/**
 * JSON that no route takes for its body (`null` only where it breaks the body). The deep one is not deep
 * for JSON: a node must refuse it, not overflow its stack.
 */
const DEEP_JSON = `${'['.repeat(2000)}${']'.repeat(2000)}`;
const ODD_JSON = ['null', '[]', '0', '"text"', '[{}]', DEEP_JSON];
/** Larger than any body the node reads (256 KiB; an envelope 128 KiB). */
const OVERSIZE = JSON.stringify({ pad: 'x'.repeat(300 * 1024) });

/** Content types the node has no parser for (415): it reads JSON only. */
const UNPARSED_TYPES = [
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/xml',
  'text/xml',
  'text/html',
  'multipart/form-data; boundary=fuzz',
  'application/octet-stream',
  'application/json-patch+json',
  'application/jsonx',
];

/** Path segments that name nothing on the node (already encoded where they are raw escapes). */
const BAD_IDS = [
  'not-an-id',
  '%00',
  '..',
  '%2e%2e',
  '%2F',
  'x'.repeat(300),
  '-1',
  '0',
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('💥'),
  '00000000-0000-0000-0000-000000000000',
  encodeURIComponent('{"$gt":""}'),
];

/** If-Match values that cannot be a case's current revision. */
const STALE_IF_MATCH = ['"x"', '-5', '"99999999999999999999"', '"999999"', 'W/"999999"', '""', '"1", "2"'];

/** Unknown query parameters: every route refuses them (400). */
const UNKNOWN_QUERY = ['bogus', 'isAdmin', 'constructor', 'page[0]', 'a.b', 'role', 'agency'];

/** Headers no route needs, with values that are legal on the wire but odd. */
const NOISE_HEADERS = [
  'accept',
  'accept-language',
  'x-forwarded-for',
  'x-request-id',
  'user-agent',
  'cookie',
];
const NOISE_VALUES = [
  '',
  'x'.repeat(4000),
  '../../etc/passwd',
  "'; DROP TABLE events; --",
  '<script>alert(1)</script>',
  '*/*;q=NaN',
  '999.999.999.999, ::ffff:zz',
  '%00%0d%0a',
];

type Mutation = 'body' | 'not-json' | 'content-type' | 'path' | 'query' | 'if-match';

interface FuzzRequest {
  /** The invalidating mutation, */
  mutation: Mutation;
  /** and what it did, e.g. "unknown field isAdmin". */
  how: string;
  url: string;
  headers: Record<string, string>;
  rawBody?: string;
}

/** The mutations that make a request to this route invalid whatever else it carries. */
function mutationsFor(op: Operation): Mutation[] {
  const kinds: Mutation[] = ['query'];
  // A body the route does not read cannot make the request invalid; a body that is not JSON still does.
  if (op.method !== 'GET')
    kinds.push(...(op.takesBody ? (['body'] as const) : []), 'not-json', 'content-type');
  if (pathParamsOf(op).length > 0) kinds.push('path');
  // If-Match names a revision of the case at :id (registering a case has none to match: it ignores it).
  if (op.acceptsIfMatch && op.method !== 'GET' && pathParamsOf(op).includes('id')) kinds.push('if-match');
  return kinds;
}

/**
 * Whether a dot segment ('..', '%2e%2e') put in the path makes the URL name another route of the node:
 * clients and the server resolve dot segments before routing (RFC 3986, 5.2.4), so that request is the
 * other route's, well formed (e.g. `/cases/<id>/family-members/../erasure` is the case's erasure).
 */
function namesAnotherRoute(url: string, op: Operation, operations: readonly Operation[]): boolean {
  const resolved = new URL(url, 'http://node.test').pathname;
  if (resolved === url.split('?')[0]) return false;
  return operations.some(
    (other) =>
      other !== op &&
      other.method === op.method &&
      new RegExp(`^${other.docPath.replace(/\{\w+\}/g, '[^/]+')}$`).test(resolved),
  );
}

/** One malformed request: the route's valid input, one invalidating mutation, and some noise. */
function malformed(
  op: Operation,
  valid: object,
  ids: Record<string, string>,
  round: number,
  random: Random,
): FuzzRequest {
  const pick: Pick = (xs) => xs[Math.floor(random() * xs.length)];
  // In turn rather than at random: every route gets every kind of mutation that applies to it.
  const kinds = mutationsFor(op);
  const mutation = kinds[round % kinds.length];
  let how = '';
  const values = { ...ids };
  const query = new URLSearchParams(QUERIES[op.label] ?? '');
  const headers: Record<string, string> = {};
  let rawBody = op.method === 'GET' ? undefined : JSON.stringify(valid);
  if (op.label === INBOX) headers['content-type'] = pick([CLOUDEVENTS_JSON, 'application/json']);

  switch (mutation) {
    case 'body': {
      const rules: BodyRules = {
        fields: op.bodyFields,
        required: op.requiredBodyFields,
        nullBreaks: op.requiredBodyFields.length > 0 || op.label === INBOX,
      };
      if (random() < 0.8) {
        const { broken, how: broke } = breakBody(valid as Record<string, unknown>, rules, pick);
        rawBody = JSON.stringify(broken);
        how = broke;
      } else {
        rawBody = pick(ODD_JSON.filter((odd) => odd !== 'null' || rules.nullBreaks));
        how = 'odd JSON';
      }
      break;
    }
    case 'not-json':
      rawBody = random() < 0.9 ? pick(NOT_JSON) : OVERSIZE;
      break;
    case 'content-type':
      headers['content-type'] = pick(UNPARSED_TYPES);
      break;
    case 'path':
      values[pick(pathParamsOf(op))] = random() < 0.3 ? uuidFrom(random) : pick(BAD_IDS);
      break;
    case 'query':
      query.append(pick(UNKNOWN_QUERY.filter((name) => !op.queryParams.includes(name))), String(pick(WEIRD)));
      break;
    case 'if-match':
      headers['if-match'] = pick(STALE_IF_MATCH);
      break;
  }
  // Noise: odd values for the query parameters the route declares, and odd headers.
  if (op.queryParams.length > 0 && random() < 0.5) {
    const name = pick(op.queryParams);
    query.append(name, String(pick(WEIRD)));
    if (random() < 0.3) query.append(name, String(pick(WEIRD)));
  }
  if (random() < 0.4) headers[pick(NOISE_HEADERS)] = pick(NOISE_VALUES);
  const search = query.toString();
  return {
    mutation,
    how,
    url: pathOf(op, values, () => uuidFrom(random)) + (search ? `?${search}` : ''),
    headers,
    ...(rawBody === undefined ? {} : { rawBody }),
  };
}

/**
 * What the inbox may answer a malformed request: whatever it can parse is judged and rejected (422, and
 * recorded); what is refused on the way in (not JSON, too large, a content type the node has no parser
 * for, an unknown query parameter, a prototype key the validation pipe refuses) never reaches the judge.
 * JSON nested too deep to validate may be refused on the way in, or judged.
 */
function inboxAnswers(request: FuzzRequest): number[] {
  switch (request.mutation) {
    case 'not-json':
      return [request.rawBody === OVERSIZE ? 413 : 400];
    case 'query':
      return [400];
    case 'content-type':
      return [415];
    default:
      if (request.rawBody === DEEP_JSON) return [400, 422];
      return [/"(__proto__|constructor|prototype)":/.test(request.rawBody ?? '') ? 400 : 422];
  }
}

/** A failed request, short enough to read and complete enough to replay. */
function describeRequest(
  op: Operation,
  request: FuzzRequest,
  role: string | undefined,
  status: number,
): string {
  const cut = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…(${text.length} chars)` : text);
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${cut(value)}`);
  return [
    `${op.method} ${cut(request.url)} [${request.mutation}${request.how ? `: ${request.how}` : ''}${role ? ` as ${role}` : ''}]`,
    headers.length ? `{${headers.join('; ')}}` : '',
    request.rawBody === undefined ? '' : cut(request.rawBody),
    `-> ${status}`,
  ]
    .filter(Boolean)
    .join(' ');
}

describe('fuzzing every route with malformed requests', () => {
  jest.setTimeout(300_000);
  let node: NodeHarness;
  let caseId: string;
  let envelope: object;
  const seed = Number(process.env.FUZZ_SEED ?? 20261129);
  const rounds = Number(process.env.FUZZ_ROUNDS ?? 60);

  beforeAll(async () => {
    // Fuzz the routes, not the rate limiters (which have tests of their own).
    node = await NodeHarness.start({
      NRM_API_RATE_LIMIT_PER_MINUTE: '1000000',
      NRM_AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    });
    // Every role the document names, the analyst too: each route is fuzzed as each of its roles.
    await node.withUsers([...ALL_OPERATOR_ROLES, 'analyst']);
    caseId = (await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }))
      .body.caseId;
    // The inbox's valid input: a well-formed, sealed and signed envelope addressed to this node, from a
    // node it does not know (the fuzzer registers no partner; every variant is refused and recorded).
    const identity = (await node.request('GET', '/api/node/identity', { as: 'admin' })).body;
    const sender = makeTestPartner();
    const recipient = makeTestPartner({ nodeId: identity.nodeId, country: identity.country });
    recipient.partner = { ...recipient.partner, encryptionKeyPem: identity.encryptionKeyPem };
    envelope = makeTestEnvelope(sender, recipient);
  });
  afterAll(() => node?.stop());

  const store = () => node.app.get<symbol, EventStore>(EVENT_STORE);

  it(`gets no 5xx and records nothing but the inbox's refusals (seed ${seed})`, async () => {
    const doc = (await node.request('GET', '/api/docs-json')).body as OpenApiDocument;
    const operations = operationsOf(doc);
    const inbox = operations.find((op) => op.label === INBOX);
    // A command with no valid input to start from would be refused for that alone: name one.
    const unseeded = operations.filter(
      (op) =>
        op.method !== 'GET' &&
        op.label !== INBOX &&
        !(op.label in (op.markedPublic ? PUBLIC_BODIES : BODIES)),
    );
    expect({ inbox: inbox?.markedPublic, unseeded: unseeded.map((op) => op.label) }).toEqual({
      inbox: true,
      unseeded: [],
    });

    const random = prng(seed);
    const ids = { id: caseId };
    const statuses = new Map<number, number>();
    const perRoute = new Map<string, number>(operations.map((op) => [op.label, 0]));
    const failures: string[] = [];
    const start = await store().headPosition();
    let head = start;
    let inboxRefusalsRecorded = 0;
    let sent = 0;

    for (let round = 0; round < rounds; round++) {
      for (const op of operations) {
        const role = op.markedPublic ? undefined : op.roles[round % op.roles.length];
        const valid = op.label === INBOX ? envelope : (PUBLIC_BODIES[op.label] ?? bodyFor(op, role));
        let request = malformed(op, valid, ids, round, random);
        while (namesAnotherRoute(request.url, op, operations))
          request = malformed(op, valid, ids, round, random);
        const res = await node.request(op.method, request.url, {
          as: role,
          headers: request.headers,
          rawBody: request.rawBody,
        });
        sent++;
        perRoute.set(op.label, (perRoute.get(op.label) ?? 0) + 1);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const recorded = await store().readAll({ fromPosition: head });
        head = recorded.at(-1)?.position ?? head;

        const what = describeRequest(op, request, role, res.status);
        if (res.status < 400 || res.status >= 500) failures.push(`${what}: not a 4xx`);
        // Each request carries a credential the route admits: a 401/403 would mean it never reached the route.
        if (res.status === 401 || res.status === 403) failures.push(`${what}: stopped by access control`);
        if (op.label !== INBOX) {
          if (recorded.length > 0)
            failures.push(`${what}: recorded ${recorded.map((e) => e.type).join(', ')}`);
          continue;
        }
        // The inbox records each envelope it judged and rejected, once, before its sender is known.
        const judged = res.status === 422;
        const expected = judged
          ? [{ streamId: TRM_UNAUTHENTICATED_STREAM, type: JOURNAL_TYPES.refused }]
          : [];
        const actual = recorded.map((e) => ({ streamId: e.streamId, type: e.type }));
        if (JSON.stringify(actual) !== JSON.stringify(expected))
          failures.push(`${what}: recorded ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
        if (judged) inboxRefusalsRecorded++;
        const answers = inboxAnswers(request);
        if (!answers.includes(res.status)) failures.push(`${what}: expected ${answers.join(' or ')}`);
      }
    }

    const fewest = [...perRoute].sort((a, b) => a[1] - b[1])[0];
    process.stderr.write(
      `fuzz: ${sent} requests over ${operations.length} routes (fewest: ${fewest[1]}, ${fewest[0]}), ` +
        `statuses ${JSON.stringify(Object.fromEntries(statuses))}, inbox refusals recorded ${inboxRefusalsRecorded}\n`,
    );
    const unauthenticated = (await store().readStream(TRM_UNAUTHENTICATED_STREAM)).length;
    expect({
      failures: failures.slice(0, 20),
      failureCount: failures.length,
      // Every route of the document was fuzzed, each enough, and thousands of requests in all.
      underFuzzed: [...perRoute].filter(([, count]) => count < 40),
      moreThan3000Requests: sent > 3000,
      // The inbox was reached, and what its refusals recorded is all the log holds that is new.
      inboxJudgedSome: inboxRefusalsRecorded > 0,
      recorded: { unauthenticated, headMoved: (await store().headPosition()) - start },
    }).toEqual({
      failures: [],
      failureCount: 0,
      underFuzzed: [],
      moreThan3000Requests: true,
      inboxJudgedSome: true,
      recorded: { unauthenticated: inboxRefusalsRecorded, headMoved: inboxRefusalsRecorded },
    });
  });
});
