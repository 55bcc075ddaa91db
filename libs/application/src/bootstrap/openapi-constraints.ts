import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

// class-transformer ships this module's types and code under different paths: the nested classes
// (@Type) are read from the same storage the validation pipe's transformation uses.
const storage: typeof import('class-transformer/types/storage') =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('class-transformer/cjs/storage');
const { defaultMetadataStorage } = storage;

/**
 * What a validator enforces and a JSON Schema can say. `format` is left out on purpose: class-validator
 * calls every ISO 8601 check a date-time, while our date fields are dates; the pattern says it exactly.
 */
const CONSTRAINTS = [
  'enum',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'uniqueItems',
] as const;

const isReference = (schema: object | undefined): schema is ReferenceObject =>
  schema !== undefined && '$ref' in schema;

/**
 * Writes the validators' constraints into the document's request and response schemas, from the same
 * class-validator declarations the validation pipe enforces, so the document cannot say less (or
 * other) than the node checks. A property the validators know and the document does not is added; a
 * property the validators require is required in the document.
 */
export function withValidationConstraints(
  document: OpenAPIObject,
  /** "GET /api/cases" → the class its query string is validated against. */
  queryClasses: ReadonlyMap<string, { name: string }> = new Map(),
): OpenAPIObject {
  const validated = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
  }) as Record<string, SchemaObject>;
  const schemas = document.components?.schemas ?? {};
  for (const [name, target] of Object.entries(schemas)) {
    const source = validated[name];
    if (!source || isReference(target)) continue;
    mergeObject(target, source);
  }
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
      const cls = queryClasses.get(`${method.toUpperCase()} ${path}`);
      const source = cls && validated[cls.name];
      if (source) mergeQuery(operation, source);
    }
  }
  return document;
}

/** Query parameters are one property each of the query's class: the same constraints, per parameter. */
function mergeQuery(operation: OperationObject, source: SchemaObject): void {
  for (const parameter of operation.parameters ?? []) {
    if (isReference(parameter) || parameter.in !== 'query') continue;
    const constraints = source.properties?.[parameter.name];
    if (!constraints || isReference(constraints)) continue;
    parameter.schema ??= {};
    if (!isReference(parameter.schema)) mergeProperty(parameter.schema, constraints);
    if (source.required?.includes(parameter.name)) parameter.required = true;
  }
}

function mergeObject(target: SchemaObject, source: SchemaObject): void {
  target.properties ??= {};
  for (const [property, constraints] of Object.entries(source.properties ?? {})) {
    const existing = target.properties[property];
    if (existing === undefined) target.properties[property] = constraints;
    else if (!isReference(existing)) mergeProperty(existing, constraints as SchemaObject);
  }
  const required = new Set([...(target.required ?? []), ...(source.required ?? [])]);
  if (required.size > 0) target.required = [...required];
}

function mergeProperty(target: SchemaObject, source: SchemaObject): void {
  // Swagger calls a property typed by an alias or a union `object`; the validators know better.
  if (typeof source.type === 'string' && source.type !== 'object' && (target.type ?? 'object') === 'object') {
    if (!target.properties && !target.allOf) target.type = source.type;
  }
  if (source.type === 'integer' && target.type === 'number') target.type = 'integer';
  copyConstraints(target, source);
  // A list's element rules (each: true) go to its items, unless the items are another schema.
  const items = target.items;
  if (source.items && !isReference(source.items) && items && !isReference(items)) {
    copyConstraints(items, source.items);
  }
}

function copyConstraints(target: SchemaObject, source: SchemaObject): void {
  for (const key of CONSTRAINTS) {
    if (source[key] !== undefined) (target as Record<string, unknown>)[key] = source[key];
  }
}
