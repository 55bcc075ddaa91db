import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  HeaderObject,
  OperationObject,
  ParameterObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { INVALID_REQUEST_RULE } from '@nrm/common';
import { RULE_IDS } from '@nrm/domain';
import { LAST_ADMIN_RULE, SELF_DISABLE_RULE } from '@nrm/iam/accounts/account-rules';
import { PASSWORD_POLICY_RULE } from '@nrm/iam/passwords/password-policy';
import { PARTNER_MESSAGE_REJECTED } from '@nrm/transnational';
import type { CaseCommandRouteOptions } from '../cases/case-command-route';

/** What the document needs to know of a route beyond what Swagger read from its decorators. */
export interface RouteFacts {
  isPublic: boolean;
  caseCommand?: CaseCommandRouteOptions;
}

const PROBLEM = 'application/problem+json';
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** RFC 9457 problem details: the one error body of this API, with its extensions. */
const PROBLEM_SCHEMAS: Record<string, SchemaObject> = {
  Problem: {
    type: 'object',
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: {
        type: 'string',
        description: 'A URI naming the problem; about:blank when the status says it all',
      },
      title: { type: 'string' },
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: { type: 'string' },
    },
  },
  ValidationProblem: {
    allOf: [
      ref('Problem'),
      {
        type: 'object',
        required: ['errors'],
        properties: {
          errors: {
            type: 'array',
            description: 'Each field that failed, with why (an empty field names the whole request)',
            items: {
              type: 'object',
              required: ['field', 'message'],
              properties: { field: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
    ],
  },
  RuleProblem: {
    allOf: [
      ref('Problem'),
      {
        type: 'object',
        required: ['rule'],
        properties: {
          rule: {
            type: 'string',
            // A decider may name invalid-request too (RULE_IDS holds it): each id once.
            enum: [
              ...new Set([
                ...RULE_IDS,
                INVALID_REQUEST_RULE,
                PASSWORD_POLICY_RULE,
                PARTNER_MESSAGE_REJECTED,
                LAST_ADMIN_RULE,
                SELF_DISABLE_RULE,
              ]),
            ],
            description: 'The rule that refused the command',
          },
        },
      },
    ],
  },
  ConflictProblem: {
    allOf: [
      ref('Problem'),
      {
        type: 'object',
        properties: { currentRevision: { type: 'integer', description: 'The case’s revision now' } },
      },
    ],
  },
};

const ERROR_SCHEMA: Record<number, string> = {
  400: 'ValidationProblem',
  409: 'ConflictProblem',
  422: 'RuleProblem',
};

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request failed validation (errors name each field), or an unknown query parameter, or malformed JSON',
  401: 'No valid bearer token',
  403: 'The caller’s role may not use this route',
  404: 'No such resource, or none within the caller’s record scope',
  409: 'The case changed: If-Match named another revision, or a concurrent change won',
  413: 'The body is larger than the node reads',
  415: 'The body is not JSON',
  422: 'A rule of the referral mechanism refused the command (rule names it)',
  429: 'Too many requests from this address; Retry-After says when to try again',
  503: 'Not now; Retry-After says when to try again',
};

const header = (description: string, type: 'string' | 'integer' = 'string'): HeaderObject => ({
  description,
  schema: { type },
});

const RATE_LIMIT_HEADERS: Record<string, HeaderObject> = {
  'x-ratelimit-limit': header('Requests this address may make in the current minute', 'integer'),
  'x-ratelimit-remaining': header('Requests left in the current minute', 'integer'),
  'x-ratelimit-reset': header('Seconds until the budget is renewed', 'integer'),
};

/**
 * Declares every answer an operation can give, from the rules the node applies to all routes of a
 * kind: problem+json for each error status, Retry-After where it applies, ETag and If-Match on case
 * commands (If-Match only where it is honoured), rate-limit headers under /api.
 */
export function withResponses(
  document: OpenAPIObject,
  facts: ReadonlyMap<string, RouteFacts>,
): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...(document.components.schemas ?? {}), ...PROBLEM_SCHEMAS };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
      const route = facts.get(`${method.toUpperCase()} ${path}`);
      if (!route) continue;
      declare(operation, path, route);
    }
  }
  return document;
}

function declare(operation: OperationObject, path: string, route: RouteFacts): void {
  const api = path === '/api' || path.startsWith('/api/');
  const statuses = new Set<number>([400]);
  if (api) statuses.add(429);
  if (!route.isPublic) [401, 403].forEach((s) => statuses.add(s));
  if (path.includes('{')) statuses.add(404);
  if (operation.requestBody) [413, 415].forEach((s) => statuses.add(s));
  const command = route.caseCommand;
  if (command) statuses.add(422);
  if (command?.ifMatch) statuses.add(409);
  // Statuses a route declared itself (e.g. 503) keep their description and get the problem body.
  for (const status of Object.keys(operation.responses))
    if (Number(status) >= 400) statuses.add(Number(status));

  for (const status of statuses) {
    const declared = operation.responses[status] as ResponseObject | undefined;
    const response: ResponseObject = {
      description: declared?.description || DESCRIPTIONS[status] || 'Refused',
      content: { [PROBLEM]: { schema: ref(ERROR_SCHEMA[status] ?? 'Problem') } },
    };
    // Headers a route declared itself (e.g. the Set-Cookie that clears a refused browser session) stay.
    if (declared?.headers) response.headers = { ...declared.headers };
    if (status === 429 || status === 503)
      response.headers = { ...response.headers, 'retry-after': header('Seconds to wait', 'integer') };
    operation.responses[status] = response;
  }
  for (const [status, response] of Object.entries(operation.responses) as [string, ResponseObject][]) {
    if (Number(status) >= 300) continue;
    response.headers = {
      ...(response.headers ?? {}),
      ...(api ? RATE_LIMIT_HEADERS : {}),
      ...(command
        ? { etag: header('The case’s revision after the command, quoted: send it back as If-Match') }
        : {}),
    };
  }
  const parameters = (operation.parameters ?? []).filter(
    (p) => !('name' in p) || (p as ParameterObject).name.toLowerCase() !== 'if-match',
  );
  if (command?.ifMatch) {
    parameters.push({
      name: 'If-Match',
      in: 'header',
      required: false,
      description:
        'The revision the command was decided on, e.g. "3": a case at another revision answers 409',
      schema: { type: 'string', pattern: '^\\s*(W/)?"?-?\\d{1,15}"?\\s*$' },
    });
  }
  operation.parameters = parameters;
}
