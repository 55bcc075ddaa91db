import { NodeHarness, REGISTRATION } from '../support/node-harness';

interface Schema {
  type?: string;
  $ref?: string;
  enum?: string[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}
interface Document {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; required?: boolean; schema: Schema }[];
        requestBody?: { content: Record<string, { schema: Schema }> };
        responses: Record<
          string,
          { headers?: Record<string, unknown>; content?: Record<string, { schema: Schema }> }
        >;
        'x-nrm-public'?: boolean;
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

/**
 * The OpenAPI document states what the validators enforce, read from the same declarations: a client
 * generated from it sends what the node accepts.
 */
describe('OpenAPI document: the validators’ constraints and every answer', () => {
  let node: NodeHarness;
  let doc: Document;
  const schema = (name: string) => doc.components.schemas[name];
  const resolve = (s: Schema): Schema => (s.$ref ? schema(s.$ref.split('/').pop() as string) : s);

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        path,
        operation,
      })),
    );

  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(['identification_officer']);
    doc = (await node.request('GET', '/api/docs-json')).body as Document;
  });
  afterAll(() => node.stop());

  it('carries lengths, taxonomies, country codes, list sizes and nested objects of a registration', () => {
    const body = doc.paths['/api/cases'].post.requestBody?.content['application/json'].schema as Schema;
    const registration = resolve(body);
    expect(registration.required).toEqual(
      expect.arrayContaining(['referralSource', 'person', 'countryOfExploitation', 'formsOfExploitation']),
    );
    const { countryOfExploitation, formsOfExploitation, person } = registration.properties ?? {};
    expect(countryOfExploitation).toMatchObject({ type: 'string' });
    expect(countryOfExploitation.enum).toEqual(expect.arrayContaining(['MD', 'DE', 'RO']));
    expect(countryOfExploitation.enum).not.toContain('md');
    expect(formsOfExploitation).toMatchObject({ type: 'array', minItems: 1, uniqueItems: true });
    expect(formsOfExploitation.items?.enum).toContain('forced_labour');
    const personSchema = resolve(person);
    expect(personSchema.properties?.givenName).toMatchObject({
      type: 'string',
      minLength: 1,
      maxLength: 200,
    });
    expect(personSchema.properties?.citizenship.enum).toEqual(
      expect.arrayContaining(['MD', 'stateless', 'unknown']),
    );
    // Exactly the dates the node takes: no month 13, no 29 February 2023.
    const dateOfBirth = new RegExp(personSchema.properties?.dateOfBirth.pattern as string);
    expect(['2008-04-17', '2024-02-29', '2000-02-29'].every((d) => dateOfBirth.test(d))).toBe(true);
    expect(
      ['2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '17-04-2008'].some((d) => dateOfBirth.test(d)),
    ).toBe(false);
  });

  it('carries the constraints of query parameters, integers as integers', () => {
    const list = doc.paths['/api/cases'].get.parameters ?? [];
    const param = (name: string) => list.find((p) => p.name === name)?.schema;
    expect(param('pageSize')).toMatchObject({ type: 'integer', minimum: 1, maximum: 200 });
    expect(param('country')?.enum).toContain('MD');
    expect(param('sort')).toMatchObject({
      enum: ['registeredAt', 'updatedAt', 'reflectionPeriodEndsAt', 'stage'],
      default: 'registeredAt',
    });
    expect(param('order')).toMatchObject({ enum: ['asc', 'desc'], default: 'desc' });
    expect(param('presumedMinor')).toMatchObject({ type: 'boolean' });
    expect(param('agency')).toMatchObject({ type: 'string', maxLength: 64 });
    const summary = doc.paths['/api/cases/summary'].get.parameters ?? [];
    expect(summary.find((p) => p.name === 'dueWithinDays')?.schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 90,
      default: 14,
    });
    const exportPurpose = doc.paths['/api/cases/{id}/export'].get.parameters?.find(
      (p) => p.name === 'purpose',
    );
    expect(exportPurpose).toMatchObject({ required: true, schema: { pattern: '^[a-z][a-z0-9_]{1,63}$' } });
  });

  it('bounds every string and every list of every request body', () => {
    const unbounded: string[] = [];
    const visit = (s: Schema, where: string, seen: Set<string>) => {
      if (s.$ref) {
        const name = s.$ref.split('/').pop() as string;
        if (!seen.has(name)) visit(schema(name), name, new Set([...seen, name]));
        return;
      }
      if (s.type === 'string' && !(s.enum || s.pattern || s.maxLength !== undefined || s.format === 'uuid'))
        unbounded.push(`${where} (string)`);
      if (s.type === 'array' && s.maxItems === undefined) unbounded.push(`${where} (array)`);
      if (s.items) visit(s.items, `${where}[]`, seen);
      for (const [name, property] of Object.entries(s.properties ?? {}))
        visit(property, `${where}.${name}`, seen);
    };
    let bodies = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const content of Object.values(operation.requestBody?.content ?? {})) {
          bodies++;
          visit(content.schema, `${method.toUpperCase()} ${path}`, new Set());
        }
      }
    }
    expect(bodies).toBeGreaterThan(30);
    expect(unbounded).toEqual([]);
  });

  it('admits no property a request body does not declare, at any depth (the node refuses unknown fields)', () => {
    const open: string[] = [];
    const visit = (s: Schema & { additionalProperties?: unknown }, where: string, seen: Set<string>) => {
      if (s.$ref) {
        const name = s.$ref.split('/').pop() as string;
        if (!seen.has(name)) visit(schema(name), name, new Set([...seen, name]));
        return;
      }
      if (s.properties && s.additionalProperties !== false) open.push(where);
      if (s.items) visit(s.items, `${where}[]`, seen);
      for (const [name, property] of Object.entries(s.properties ?? {}))
        visit(property, `${where}.${name}`, seen);
    };
    for (const { key, operation } of operations()) {
      const body = operation.requestBody?.content['application/json']?.schema;
      if (body) visit(body, key, new Set());
    }
    expect(open).toEqual([]);
  });

  it('states the rules that span fields or parameters: familyAssessed with kind "return" only, a tree head whole', () => {
    expect(schema('RiskAssessmentDto')).toMatchObject({
      allOf: [
        {
          anyOf: [
            { required: ['kind'], properties: { kind: { enum: ['return'] } } },
            { not: { required: ['familyAssessed'] } },
          ],
        },
      ],
    });
    const verify = doc.paths['/api/audit/verify'].get.parameters ?? [];
    expect(verify).toEqual([
      expect.objectContaining({
        name: 'knownTreeHead',
        in: 'query',
        required: false,
        style: 'form',
        explode: true,
        schema: expect.objectContaining({ type: 'object', required: ['knownSize', 'knownRoot'] }),
      }),
    ]);
    expect(schema('CompensationClaimDto').properties?.amount).toMatchObject({
      type: 'number',
      minimum: 0,
      maximum: 1e12,
      multipleOf: 0.01,
    });
  });

  it('names every rule a 422 can carry', () => {
    const rule = (schema('RuleProblem') as { allOf: Schema[] }).allOf[1].properties?.rule;
    expect(rule?.enum).toEqual(
      expect.arrayContaining([
        'consent-required',
        'invalid-request',
        'password-policy',
        'partner-message-rejected',
      ]),
    );
  });

  it('links what a command creates to the operations that take it, from a registration onwards', () => {
    type Links = Record<string, { operationId: string; parameters: Record<string, string> }>;
    const linksOf = (path: string, status = '201') =>
      (doc.paths[path].post.responses[status] as { links?: Links }).links ?? {};
    // Every operation on a case that needs nothing but the case's id.
    const idOps = operations().filter(
      ({ path }) => path.startsWith('/api/cases/{id}') && path.match(/\{/g)?.length === 1,
    );
    const fromRegistration = linksOf('/api/cases');
    expect(Object.keys(fromRegistration).sort()).toEqual(
      idOps.map(({ operation }) => (operation as { operationId?: string }).operationId).sort(),
    );
    expect(fromRegistration.CasesQueryController_detail.parameters).toEqual({ id: '$response.body#/caseId' });
    expect(linksOf('/api/cases/{id}/service-referrals').AssistanceController_accept.parameters).toEqual({
      id: '$request.path.id',
      serviceId: '$response.body#/serviceId',
    });
    expect(linksOf('/api/cases/{id}/assistance-plan').AssistanceController_deliver.parameters).toEqual({
      id: '$request.path.id',
      serviceId: '$response.body#/serviceIds/0',
    });
    expect(Object.keys(linksOf('/api/cases/{id}/handovers'))).toHaveLength(5);
    expect(Object.keys(linksOf('/api/cases/{id}/law-enforcement-requests'))).toEqual([
      'ProsecutionController_answer',
    ]);
    // A reintegration plan's services are not the assistance context's referrals; a command that only
    // answers its own case id creates nothing to link.
    expect(linksOf('/api/cases/{id}/reintegration-plan')).toEqual({});
    expect(linksOf('/api/cases/{id}/consents')).toEqual({});
  });

  it('declares problem+json for every error status of every operation, with 401/403, 413/415 and 429 where they apply', () => {
    const missing: string[] = [];
    for (const { key, path, operation } of operations()) {
      const expected = ['400'];
      if (path.startsWith('/api/')) expected.push('429');
      if (!operation['x-nrm-public']) expected.push('401', '403');
      if (operation.requestBody) expected.push('413', '415');
      if (path.includes('{')) expected.push('404');
      for (const status of expected) if (!operation.responses[status]) missing.push(`${key} ${status}`);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        const problem = response.content?.['application/problem+json']?.schema.$ref;
        if (
          !problem?.endsWith(
            status === '400'
              ? 'ValidationProblem'
              : status === '422'
                ? 'RuleProblem'
                : status === '409'
                  ? 'ConflictProblem'
                  : 'Problem',
          )
        )
          missing.push(`${key} ${status}: problem schema`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('declares a JSON schema for the body of every success answer (204 has none; the printable report is HTML), and every reference resolves', () => {
    const undeclared: string[] = [];
    for (const { key, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 200 || Number(status) >= 300 || status === '204') continue;
        const type = key === 'GET /api/audit/report' ? 'text/html' : 'application/json';
        if (!response.content?.[type]?.schema) undeclared.push(`${key} ${status}`);
      }
    }
    expect(undeclared).toEqual([]);
    const dangling = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)]
      .map((match) => match[1])
      .filter((name) => schema(name) === undefined);
    expect([...new Set(dangling)]).toEqual([]);
  });

  it('states the read answers with the types the handlers return', () => {
    const answer = (path: string) =>
      doc.paths[path].get.responses['200'].content?.['application/json'].schema.$ref?.split('/').pop();
    expect(answer('/api/cases')).toBe('CaseListPage');
    expect(answer('/api/cases/summary')).toBe('CaseloadSummary');
    expect(answer('/api/cases/{id}')).toBe('CaseView');
    expect(answer('/api/cases/{id}/export')).toBe('CaseExport');
    expect(answer('/api/audit/verify')).toBe('LogVerificationAnswer');
    const list = schema('CaseListPage');
    expect(list.required).toEqual(expect.arrayContaining(['items', 'total']));
    expect(resolve(list.properties?.items.items as Schema).properties?.stage.$ref).toMatch(/CaseStage$/);
    expect(schema('CaseStage').enum).toContain('registered');
  });

  it('documents If-Match only where it is honoured, and ETag, 409 and 422 on case commands', () => {
    const consent = doc.paths['/api/cases/{id}/consents'].post;
    expect(consent.parameters?.map((p) => p.name)).toContain('If-Match');
    expect(Object.keys(consent.responses)).toEqual(expect.arrayContaining(['409', '422']));
    expect(consent.responses['201'].headers).toHaveProperty('etag');
    const register = doc.paths['/api/cases'].post;
    expect(register.parameters?.map((p) => p.name) ?? []).not.toContain('If-Match');
    expect(register.responses['201'].headers).toHaveProperty('location');
    expect(doc.paths['/api/cases/{id}/erasure'].post.parameters?.map((p) => p.name)).not.toContain(
      'If-Match',
    );
  });

  it('answers what it documents: Location of a new case, ETag of a command, errors on every 400', async () => {
    const created = await node.request('POST', '/api/cases', {
      as: 'identification_officer',
      body: REGISTRATION,
    });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/api/cases/${created.body.caseId}`);
    expect(created.headers.etag).toBe(`"${created.body.revision}"`);
    const malformed = await node.request('POST', '/api/cases', {
      as: 'identification_officer',
      rawBody: '{"referral',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([{ field: '', message: expect.any(String) }]);
  });
});
