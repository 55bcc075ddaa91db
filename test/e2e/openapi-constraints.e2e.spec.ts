import { NodeHarness } from '../support/node-harness';

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
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

/**
 * The OpenAPI document states what the validators enforce, read from the same declarations: a client
 * generated from it sends what the node accepts.
 */
describe('OpenAPI document: the validators’ constraints', () => {
  let node: NodeHarness;
  let doc: Document;
  const schema = (name: string) => doc.components.schemas[name];
  const resolve = (s: Schema): Schema => (s.$ref ? schema(s.$ref.split('/').pop() as string) : s);

  beforeAll(async () => {
    node = await NodeHarness.start();
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
    expect(personSchema.properties?.dateOfBirth.pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$');
  });

  it('carries the constraints of query parameters, integers as integers', () => {
    const list = doc.paths['/api/cases'].get.parameters ?? [];
    const param = (name: string) => list.find((p) => p.name === name)?.schema;
    expect(param('pageSize')).toMatchObject({ type: 'integer', minimum: 1, maximum: 200 });
    expect(param('country')?.enum).toContain('MD');
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
});
