import type { Request } from 'autocannon';
import type { OperatorTokens } from './accounts';

/** What one simulated operator remembers between its requests: the case it is working on. */
interface WalkContext {
  caseId?: string;
  revision?: number;
  [key: string]: unknown;
}

/** A command the node acknowledged (2xx with the case's revision): it must survive any crash. */
export interface Acknowledged {
  caseId: string;
  revision: number;
}

const REGISTRATION = {
  referralSource: 'labour_inspectorate',
  person: {
    givenName: 'Load',
    familyName: 'Test',
    sex: 'female',
    dateOfBirth: '1996-03-02',
    citizenship: 'MD',
  },
  countryOfExploitation: 'DE',
  formsOfExploitation: ['forced_labour'],
  indicators: ['withheld-documents'],
};

/** The case as read is older than the revision this operator's last command was acknowledged at. */
function isBehind(body: string, acknowledgedRevision: number): boolean {
  return (JSON.parse(body) as { revision: number }).revision < acknowledgedRevision;
}

const json = (token: string, extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  authorization: `Bearer ${token}`,
  ...extra,
});

/**
 * One operator's walk, repeated by every connection: register a presumed victim, record a consent
 * (with If-Match), repeat it on the now stale revision (a deliberate 409, as when two operators race),
 * assess needs, read the case, read the case list. Three commands, one conflict and two reads.
 */
export function commandMix(
  tokens: OperatorTokens,
  acknowledged: (ack: Acknowledged) => void,
  sentStale: () => void,
  /** A read of the case just written showed an older revision, or no case: the read models lag behind. */
  readBehind: () => void = () => undefined,
): Request[] {
  const remember = (status: number, body: string, context: WalkContext) => {
    if (status !== 201) return;
    const answer = JSON.parse(body) as { caseId: string; revision: number };
    context.caseId = answer.caseId;
    context.revision = answer.revision;
    acknowledged({ caseId: answer.caseId, revision: answer.revision });
  };
  const forCase = (path: string) => (request: Request, context: object) => ({
    ...request,
    path: `/api/cases/${(context as WalkContext).caseId ?? 'none'}${path}`,
  });
  const consent = JSON.stringify({ purpose: 'assistance', granted: true });
  return [
    {
      method: 'POST',
      path: '/api/cases',
      headers: json(tokens.identification),
      body: JSON.stringify(REGISTRATION),
      onResponse: (status, body, context) => remember(status, body, context as WalkContext),
    },
    {
      method: 'POST',
      path: '/api/cases/{id}/consents',
      body: consent,
      setupRequest: (request, context) => ({
        ...forCase('/consents')(request, context),
        headers: json(tokens.identification, {
          'if-match': `"${String((context as WalkContext).revision)}"`,
        }),
      }),
      onResponse: (status, body, context) => {
        // The next request races on the revision this one was decided on.
        const walk = context as WalkContext;
        const decidedOn = walk.revision;
        remember(status, body, walk);
        walk.staleRevision = decidedOn;
      },
    },
    {
      method: 'POST',
      path: '/api/cases/{id}/consents',
      body: consent,
      setupRequest: (request, context) => {
        sentStale();
        return {
          ...forCase('/consents')(request, context),
          headers: json(tokens.identification, {
            'if-match': `"${String((context as WalkContext).staleRevision)}"`,
          }),
        };
      },
    },
    {
      method: 'POST',
      path: '/api/cases/{id}/needs-assessments',
      headers: json(tokens.caseManager),
      body: JSON.stringify({ needs: ['medical', 'accommodation'] }),
      setupRequest: forCase('/needs-assessments'),
      onResponse: (status, body, context) => remember(status, body, context as WalkContext),
    },
    {
      method: 'GET',
      path: '/api/cases/{id}',
      headers: { authorization: `Bearer ${tokens.caseManager}` },
      setupRequest: forCase(''),
      onResponse: (status, body, context) => {
        const walk = context as WalkContext;
        if (walk.caseId === undefined || walk.revision === undefined) return;
        if (status === 404 || (status === 200 && isBehind(body, walk.revision))) readBehind();
      },
    },
    {
      method: 'GET',
      path: '/api/cases?page=1&pageSize=20',
      headers: { authorization: `Bearer ${tokens.caseManager}` },
    },
  ];
}
