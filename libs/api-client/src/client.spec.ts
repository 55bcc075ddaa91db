import {
  createNrmClient,
  ifMatch,
  NrmApiError,
  ok,
  refused,
  RequestBody,
  ResponseBody,
  revisionOf,
} from './index';

/** A fetch that records each request and answers with `answer`. */
function stub(answer: (request: Request) => Response) {
  const seen: Request[] = [];
  return {
    seen,
    fetch: async (request: Request) => {
      seen.push(request.clone());
      return answer(request);
    },
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
      ...headers,
    },
  });

const REGISTRATION: RequestBody<'/api/cases', 'post'> = {
  referralSource: 'police',
  person: { givenName: 'A', familyName: 'B', sex: 'female', citizenship: 'MD' },
  countryOfExploitation: 'DE',
  formsOfExploitation: ['forced_labour'],
};

describe('@nrm/api-client', () => {
  it('sends the bearer token, JSON bodies and path and query parameters as the document names them', async () => {
    const created: ResponseBody<'/api/cases', 'post'> = {
      caseId: 'c-1',
      revision: 1,
      reflectionPeriodEndsAt: '2030-01-01T00:00:00.000Z',
    };
    const node = stub(() => json(201, created, { etag: '"1"' }));
    const nrm = createNrmClient({ baseUrl: 'https://nrm.example.org/', token: 't0k3n', fetch: node.fetch });

    const answer = await nrm.POST('/api/cases', { body: REGISTRATION });
    expect(await ok(answer, 201)).toEqual(created);
    expect(revisionOf(answer.response)).toBe(1);
    await nrm.GET('/api/cases', { params: { query: { stage: 'reintegration', pageSize: 50 } } });
    await nrm.POST('/api/cases/{id}/consents', {
      params: { path: { id: 'c 1' }, header: { 'If-Match': ifMatch(1) } },
      body: { purpose: 'assistance', granted: true },
    });

    const [post, list, consent] = node.seen;
    expect(post.url).toBe('https://nrm.example.org/api/cases');
    expect(post.headers.get('authorization')).toBe('Bearer t0k3n');
    expect(post.headers.get('content-type')).toBe('application/json');
    expect(await post.json()).toEqual(REGISTRATION);
    expect(list.url).toBe('https://nrm.example.org/api/cases?stage=reintegration&pageSize=50');
    expect(consent.url).toBe('https://nrm.example.org/api/cases/c%201/consents');
    expect(consent.headers.get('if-match')).toBe('"1"');
  });

  it('reads the token at each request when given a function, and sends none without one', async () => {
    const node = stub(() => json(200, {}));
    let token: string | undefined = 'first';
    const nrm = createNrmClient({ baseUrl: 'http://node', token: () => token, fetch: node.fetch });
    await nrm.GET('/health');
    token = 'second';
    await nrm.GET('/health');
    token = undefined;
    await nrm.GET('/health');
    await createNrmClient({ baseUrl: 'http://node', fetch: node.fetch }).GET('/health');
    expect(node.seen.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer first',
      'Bearer second',
      null,
      null,
    ]);
  });

  it('types a refusal as the problem the document declares, and says what was asked', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'a presumed child needs a guardian first',
      rule: 'guardian-required',
    };
    const node = stub(() => json(422, problem));
    const nrm = createNrmClient({ baseUrl: 'http://node', fetch: node.fetch });
    const pending = () =>
      nrm.POST('/api/cases/{id}/return-request', {
        params: { path: { id: 'c-1' } },
        body: { statedBy: 'victim' },
      });

    const { error } = await pending();
    // The error's type is the union of the operation's problem bodies: `rule` is one of the rule ids.
    if (error && 'rule' in error) expect(error.rule).toBe('guardian-required');
    expect(await refused(pending(), 422)).toEqual(problem);

    const thrown = await ok(pending()).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NrmApiError);
    expect(thrown).toMatchObject({
      method: 'POST',
      url: '/api/cases/c-1/return-request',
      status: 422,
      problem,
      message:
        'POST /api/cases/c-1/return-request: 422 Unprocessable Entity: a presumed child needs a guardian first (rule guardian-required)',
    });
    await expect(ok(pending(), 201)).rejects.toThrow('expected 201, got 422');
    await expect(refused(pending(), 409)).rejects.toThrow('expected 409, got 422');
  });

  it('refuses a success that has another status than the one needed', async () => {
    const node = stub(() => json(200, { items: [] }));
    const nrm = createNrmClient({ baseUrl: 'http://node', fetch: node.fetch });
    await expect(ok(nrm.GET('/api/cases'), 201)).rejects.toThrow(
      'GET /api/cases: expected 201, got 200 {"items":[]}',
    );
    const page = ok(nrm.GET('/api/cases'), 200);
    await expect(page).resolves.toEqual({ items: [] });
    // The answer is typed by the document: the case list's items and total.
    const typed: Promise<{ items: { caseId: string }[]; total: number }> = page;
    void typed;
    await expect(refused(nrm.GET('/api/cases'))).rejects.toThrow('got 200');
  });

  it('lets the compiler refuse what the document does not declare', () => {
    const nrm = createNrmClient({ baseUrl: 'http://node', fetch: stub(() => json(200, {})).fetch });
    const never = () => {
      // @ts-expect-error: no such path
      void nrm.GET('/api/kases');
      // @ts-expect-error: "trafficker" is not a referral source
      void nrm.POST('/api/cases', { body: { ...REGISTRATION, referralSource: 'trafficker' } });
      // @ts-expect-error: the path parameter is required
      void nrm.POST('/api/cases/{id}/consents', { body: { purpose: 'assistance', granted: true } });
      void nrm.POST('/api/cases/{id}/consents', {
        params: { path: { id: 'x' } },
        // @ts-expect-error: the consent body needs `granted`
        body: { purpose: 'assistance' },
      });
    };
    expect(typeof never).toBe('function');
  });
});
