import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { QUERY_GROUPS, type QueryGroupDeclaration } from '@nrm/http/query-group';
import { APPLIES_ONLY_WHEN, MAX_DECIMAL_PLACES } from '@nrm/contracts/events/field-rules';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
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
  'multipleOf',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'uniqueItems',
] as const;

const isReference = (schema: object | undefined): schema is ReferenceObject =>
  schema !== undefined && '$ref' in schema;

/** Where a property's cross-field rule travels from the converter to its object (never published). */
const ONLY_WHEN = 'x-nrm-applies-only-when';

/**
 * Writes the validators' constraints into the document's request and response schemas, from the same
 * class-validator declarations the validation pipe enforces, so the document cannot say less (or
 * other) than the node checks. A property the validators know and the document does not is added; a
 * property the validators require is required in the document. A request body, and every object
 * nested in it, admits no property it does not declare: the pipe refuses unknown fields.
 */
export function withValidationConstraints(
  document: OpenAPIObject,
  /** "GET /api/cases" → the class its query string is validated against. */
  queryClasses: ReadonlyMap<string, { name: string }> = new Map(),
): OpenAPIObject {
  const validated = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
    additionalConverters: {
      // JSON Schema's spelling of "at most n decimals" (exact for decimal numbers, as JSON writes them).
      [MAX_DECIMAL_PLACES]: (meta: ValidationMetadata) => ({
        type: 'number',
        multipleOf: 10 ** -(meta.constraints[0] as number),
      }),
      [APPLIES_ONLY_WHEN]: (meta: ValidationMetadata) => {
        const [property, values] = meta.constraints as [string, string[]];
        return { [ONLY_WHEN]: { property, values } };
      },
    },
  }) as Record<string, SchemaObject>;
  const schemas = document.components?.schemas ?? {};
  for (const [name, target] of Object.entries(schemas)) {
    const source = validated[name];
    if (!source || isReference(target)) continue;
    mergeObject(target, source);
  }
  for (const name of requestBodySchemas(document)) {
    const target = schemas[name];
    if (validated[name] && target && !isReference(target)) target.additionalProperties = false;
  }
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
      const cls = queryClasses.get(`${method.toUpperCase()} ${path}`);
      const source = cls && validated[cls.name];
      if (!source) continue;
      mergeQuery(operation, source);
      groupQuery(operation, (Reflect.getMetadata(QUERY_GROUPS, cls) ?? []) as QueryGroupDeclaration[]);
    }
  }
  return document;
}

/**
 * Parameters that go together (`@QueryGroup`) become one optional object parameter, form style and
 * exploded (the same query string on the wire), that requires each of them.
 */
function groupQuery(operation: OperationObject, groups: QueryGroupDeclaration[]): void {
  for (const group of groups) {
    const members = (operation.parameters ?? []).filter(
      (p): p is ParameterObject => !isReference(p) && p.in === 'query' && group.members.includes(p.name),
    );
    if (members.length !== group.members.length) continue;
    const rest = (operation.parameters ?? []).filter((p) => !members.includes(p as ParameterObject));
    operation.parameters = [
      ...rest,
      {
        name: group.name,
        in: 'query',
        required: false,
        style: 'form',
        explode: true,
        ...(group.description ? { description: group.description } : {}),
        schema: {
          type: 'object',
          required: group.members,
          additionalProperties: false,
          properties: Object.fromEntries(
            members.map((p) => [
              p.name,
              { ...(p.schema ?? {}), ...(p.description ? { description: p.description } : {}) },
            ]),
          ),
        },
      },
    ];
  }
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
  const onlyWhen: SchemaObject[] = [];
  for (const [property, raw] of Object.entries(source.properties ?? {})) {
    const { [ONLY_WHEN]: rule, ...constraints } = raw as SchemaObject & {
      [ONLY_WHEN]?: { property: string; values: string[] };
    };
    if (rule) {
      // Either the other property holds one of the values, or this one is absent.
      onlyWhen.push({
        anyOf: [
          { required: [rule.property], properties: { [rule.property]: { enum: rule.values } } },
          { not: { required: [property] } },
        ],
      });
    }
    const existing = target.properties[property];
    if (existing === undefined) target.properties[property] = constraints;
    else if (!isReference(existing)) mergeProperty(existing, constraints);
  }
  const required = new Set([...(target.required ?? []), ...(source.required ?? [])]);
  if (required.size > 0) target.required = [...required];
  if (onlyWhen.length > 0) target.allOf = [...(target.allOf ?? []), ...onlyWhen];
}

/** The component schemas a request body can reach (through $ref, properties, items and allOf). */
function requestBodySchemas(document: OpenAPIObject): Set<string> {
  const seen = new Set<string>();
  const schemas = document.components?.schemas ?? {};
  const visit = (schema: SchemaObject | ReferenceObject | undefined): void => {
    if (!schema) return;
    if (isReference(schema)) {
      const name = schema.$ref.split('/').pop() as string;
      if (seen.has(name)) return;
      seen.add(name);
      visit(schemas[name]);
      return;
    }
    Object.values(schema.properties ?? {}).forEach(visit);
    [schema.items, ...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].forEach(visit);
  };
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as OperationObject[]) {
      const body = operation?.requestBody;
      if (!body || isReference(body)) continue;
      Object.values(body.content ?? {}).forEach((media) => visit(media.schema));
    }
  }
  return seen;
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
