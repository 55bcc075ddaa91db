import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { isDeepStrictEqual } from 'node:util';
import generated from './response-schemas.json';

/**
 * The 200 answer of a read route, as JSON of exactly the type the handler declares to return:
 *
 *   @Get(':id') @ApiOkBody('The case as the caller may see it')
 *   detail(...): Promise<CaseView> { ... }
 *
 * The compiler checks what the handler returns against that type; `npm run api:client` generates the
 * answer's schema from the same type (tools/openapi/response-schemas.ts: a handler with this decorator
 * must declare `Promise<Name>` or `Name`) into response-schemas.json, which the document states. One
 * declaration of the shape: the schema cannot say other than the code returns without the freshness
 * test (libs/api-client/src/contract.spec.ts) failing.
 */
export const ApiOkBody = (description: string): MethodDecorator =>
  applyDecorators(ApiOkResponse({ description }));

/** What tools/openapi/response-schemas.ts writes: which handler answers which schema, and the schemas. */
export interface ResponseSchemas {
  /** "CasesQueryController.list" → "CaseListPage" (a key of `schemas`). */
  answers: Record<string, string>;
  /** OpenAPI 3.0 schemas, by the name of the exported type each comes from. */
  schemas: Record<string, SchemaObject>;
}

const RESPONSE_SCHEMAS = generated as unknown as ResponseSchemas;

/**
 * Writes the generated answer schemas into `document`: each @ApiOkBody handler's 200 gets its JSON
 * schema, and the types they use join the document's components. `handlers` maps each operation
 * ("GET /api/cases") to its handler ("CasesQueryController.list").
 */
export function withResponseBodies(
  document: OpenAPIObject,
  handlers: ReadonlyMap<string, string>,
  { answers, schemas }: ResponseSchemas = RESPONSE_SCHEMAS,
): OpenAPIObject {
  document.components ??= {};
  const components = (document.components.schemas ??= {});
  for (const [name, schema] of Object.entries(schemas)) {
    const existing = components[name];
    if (existing !== undefined && !isDeepStrictEqual(existing, schema))
      throw new Error(`the answer schema ${name} has the name of another schema of the document`);
    components[name] = schema;
  }
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
      const handler = handlers.get(`${method.toUpperCase()} ${path}`);
      const name = handler && answers[handler];
      const ok = operation?.responses?.['200'] as ResponseObject | undefined;
      if (!name || !ok) continue;
      ok.content = { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } };
    }
  }
  return document;
}
