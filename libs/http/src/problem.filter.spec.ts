import { ArgumentsHost } from '@nestjs/common';
import { ConflictError, InvalidRequestError, NotFoundError, TemporarilyUnavailableError } from '@nrm/common';
import { CaseNotFoundError, RevisionConflictError, RuleViolation } from '@nrm/domain';
import { ProblemFilter } from './problem.filter';

/** What the filter sends for an error thrown by a service. */
function answer(error: unknown) {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  new ProblemFilter().catch(error, host);
  return sent;
}

describe('ProblemFilter: the services’ typed refusals as problem+json', () => {
  it.each([
    [new CaseNotFoundError('c1'), 404, { detail: 'No such case' }],
    [new NotFoundError('No such partner'), 404, { detail: 'No such partner' }],
    [new RevisionConflictError('The case is at revision 3, not 1', 3), 409, { currentRevision: 3 }],
    [new ConflictError('Already registered'), 409, { detail: 'Already registered' }],
    [
      new InvalidRequestError('Not an Ed25519 key'),
      422,
      { detail: 'Not an Ed25519 key', rule: 'invalid-request' },
    ],
    [new RuleViolation('consent-required', 'no consent'), 422, { rule: 'consent-required' }],
    [new TemporarilyUnavailableError('catching up', 2), 503, { detail: 'catching up' }],
  ])('%s answers %i', (error, status, body) => {
    const sent = answer(error);
    expect(sent.status).toBe(status);
    expect(sent.headers['content-type']).toBe('application/problem+json');
    expect(sent.body).toMatchObject({ status, ...body });
  });

  it('asks to retry after the delay a temporarily unavailable service names', () => {
    expect(answer(new TemporarilyUnavailableError('catching up', 2)).headers['retry-after']).toBe('2');
  });

  it('says nothing of an unexpected error’s internals', () => {
    const sent = answer(new Error('SQLITE_CORRUPT at /var/lib/nrm/events.sqlite'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toMatch(/SQLITE|var\/lib/);
  });
});
