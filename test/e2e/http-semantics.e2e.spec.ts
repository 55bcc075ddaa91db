import { NodeHarness, REGISTRATION } from '../support/node-harness';

/** HTTP semantics a generated client relies on: 405 with Allow, 415 for what is not JSON. */
describe('HTTP semantics', () => {
  let node: NodeHarness;
  let head: () => Promise<number>;
  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(['identification_officer', 'auditor']);
    head = async () => (await node.request('GET', '/api/audit/verify', { as: 'auditor' })).body.size;
  });
  afterAll(() => node.stop());

  it.each([
    ['TRACE', '/health', 'GET, HEAD'],
    ['DELETE', '/api/cases', 'GET, HEAD, POST'],
    ['PUT', '/api/cases/4f9d3c1e-2b7a-4c55-9d1e-0a1b2c3d4e5f/consents', 'POST'],
    ['PATCH', '/api/auth/login', 'POST'],
  ])('%s %s answers 405 with Allow: %s', async (method, url, allow) => {
    const res = await node.app.inject({ method: method as 'GET', url });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({ status: 405, title: 'Method Not Allowed' });
  });

  it('still answers 404 for a path that does not exist at all', async () => {
    expect((await node.app.inject({ method: 'GET', url: '/api/nothing-here' })).statusCode).toBe(404);
  });

  it.each([
    ['text/plain', JSON.stringify(REGISTRATION)],
    ['application/x-www-form-urlencoded', 'referralSource=ngo&countryOfExploitation=DE'],
    ['application/xml', '<case/>'],
  ])('refuses a %s body with 415 and records nothing', async (type, payload) => {
    const before = await head();
    const res = await node.request('POST', '/api/cases', {
      as: 'identification_officer',
      rawBody: payload,
      headers: { 'content-type': type },
    });
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await head()).toBe(before);
  });

  it('takes the same registration as JSON', async () => {
    const res = await node.request('POST', '/api/cases', {
      as: 'identification_officer',
      body: REGISTRATION,
    });
    expect(res.status).toBe(201);
  });
});
