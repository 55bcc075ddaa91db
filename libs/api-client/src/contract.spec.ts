import { API_VERSION } from '@nrm/application/bootstrap/openapi';
import { readFileSync } from 'node:fs';
import {
  buildNodeDocument,
  DOCUMENT_FILE,
  OpenApiJson,
  REGENERATE,
  renderDocument,
  renderEnumValues,
  renderOperationRoles,
  ENUMS_FILE,
  renderTypes,
  ROLES_FILE,
  TYPES_FILE,
} from '../../../tools/openapi/document';
import { oasdiffBinary } from '../../../tools/openapi/oasdiff';
import {
  buildResponseSchemas,
  renderResponseSchemas,
  RESPONSE_SCHEMAS_FILE,
} from '../../../tools/openapi/response-schemas';
import { explainRefusal, versionVerdict } from '../../../tools/openapi/versioning';

/** Where two texts first differ, by line: enough to see what changed without a diff tool. */
function firstDifference(committed: string, generated: string): string {
  const a = committed.split('\n');
  const b = generated.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line < 0 ? Math.min(a.length, b.length) : line;
  return `first difference at line ${at + 1}:\n  committed: ${a[at] ?? '(end of file)'}\n  generated: ${b[at] ?? '(end of file)'}`;
}

function expectFresh(file: string, committed: string | undefined, generated: string): void {
  if (committed === generated) return;
  throw new Error(
    `${file.replace(/^.*\/libs\//, 'libs/')} is stale: ${REGENERATE} and commit the result\n` +
      (committed === undefined ? '(the file is missing)' : firstDifference(committed, generated)),
  );
}

const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * The OpenAPI document is the contract: libs/api-client holds the document the node serves at
 * /api/docs-json and the types generated from it, and both must be what the code produces now. A
 * change of the API without `npm run api:client` fails here; a breaking one also fails the version
 * check below unless the major of API_VERSION was raised.
 */
describe('libs/api-client: the committed contract is the node’s', () => {
  let live: OpenApiJson;
  let text: string;
  beforeAll(async () => {
    live = await buildNodeDocument();
    text = renderDocument(live);
  }, 60_000);

  it('states the API version, as semantic versioning', () => {
    expect(live.info.version).toBe(API_VERSION);
    expect(API_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('the answer schemas are what the handlers’ declared return types generate', () => {
    // Generated from the TypeScript types (ts-json-schema-generator): a type changed without
    // regenerating would leave the document describing the old shape.
    expectFresh(
      RESPONSE_SCHEMAS_FILE,
      read(RESPONSE_SCHEMAS_FILE),
      renderResponseSchemas(buildResponseSchemas()),
    );
  }, 60_000);

  it('libs/api-client/openapi.json is the document the node serves', () => {
    expectFresh(DOCUMENT_FILE, read(DOCUMENT_FILE), text);
  });

  it('libs/api-client/src/schema.d.ts is what openapi-typescript generates from it', async () => {
    expectFresh(TYPES_FILE, read(TYPES_FILE), await renderTypes(live));
  });

  it('libs/api-client/src/operation-roles.ts names the roles of every operation of the document', () => {
    expectFresh(ROLES_FILE, read(ROLES_FILE), renderOperationRoles(JSON.parse(text) as OpenApiJson));
  });

  it('libs/api-client/src/enum-values.ts holds every enum of the document', () => {
    expectFresh(ENUMS_FILE, read(ENUMS_FILE), renderEnumValues(JSON.parse(text) as OpenApiJson));
  });

  describe('versioning (oasdiff)', () => {
    // Built once per machine from the Go module proxy (about 30 s), then cached.
    beforeAll(() => void oasdiffBinary(), 10 * 60_000);

    it('breaks nothing the committed document promised, unless the major of the version was raised', () => {
      const committed = read(DOCUMENT_FILE);
      if (committed === undefined) throw new Error(`no committed document: ${REGENERATE}`);
      const verdict = versionVerdict(committed, text);
      if (!verdict.allowed)
        throw new Error(explainRefusal(verdict, 'libs/api-client/openapi.json', "the node's document"));
    });
  });
});
