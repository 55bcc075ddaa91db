/**
 * npm run api:client
 *
 * First generates the answer schemas of the read routes from the TypeScript types their handlers return
 * (ts-json-schema-generator) into libs/application/src/bootstrap/response-schemas.json, which the
 * document states; then writes the node's OpenAPI document to libs/api-client/openapi.json (keys
 * sorted, pretty) and the types generated from it by openapi-typescript to
 * libs/api-client/src/schema.d.ts, without a running server.
 * Refuses to write a document that breaks the committed one (oasdiff) unless API_VERSION's major was
 * raised: regenerating cannot hide a breaking change from the version check (docs/api.md).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { buildResponseSchemas, renderResponseSchemas, RESPONSE_SCHEMAS_FILE } from './response-schemas';
import { explainRefusal, versionVerdict } from './versioning';

function write(file: string, content: string): void {
  const same = existsSync(file) && readFileSync(file, 'utf8') === content;
  if (!same) writeFileSync(file, content);
  process.stdout.write(`${relative(process.cwd(), file)}: ${same ? 'unchanged' : 'written'}\n`);
}

async function main(): Promise<number> {
  const started = Date.now();
  write(RESPONSE_SCHEMAS_FILE, renderResponseSchemas(buildResponseSchemas()));
  // Loaded only now: the node's modules read the answer schemas just written when they are loaded.
  const {
    buildNodeDocument,
    DOCUMENT_FILE,
    renderDocument,
    renderEnumValues,
    renderOperationRoles,
    ENUMS_FILE,
    renderTypes,
    ROLES_FILE,
    TYPES_FILE,
  } = await import('./document');
  const document = await buildNodeDocument();
  const text = renderDocument(document);
  const previous = existsSync(DOCUMENT_FILE) ? readFileSync(DOCUMENT_FILE, 'utf8') : undefined;
  if (previous !== undefined && previous !== text) {
    const verdict = versionVerdict(previous, text);
    if (!verdict.allowed) {
      process.stderr.write(
        `api:client: ${explainRefusal(verdict, 'the committed document', "the node's document")}\n`,
      );
      return 1;
    }
  }
  const types = await renderTypes(document);
  write(DOCUMENT_FILE, text);
  write(TYPES_FILE, types);
  write(ROLES_FILE, renderOperationRoles(JSON.parse(text) as typeof document));
  write(ENUMS_FILE, renderEnumValues(JSON.parse(text) as typeof document));
  process.stdout.write(
    `API ${document.info.version}, ${Object.keys(document.paths as object).length} paths, ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `api:client: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
