import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  LinkObject,
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * OpenAPI links (3.0, "Link Object"): how the id a command answers with feeds the operations that take it,
 * so that a client (and a stateful test such as Schemathesis's) can follow a case from its registration
 * onwards without anyone writing the paths down.
 *
 * Derived from the document itself: a 201 answer that names a resource it created (a property named like
 * a path parameter, `serviceId`, or a list of them, `serviceIds`; `caseId` for the `{id}` after `cases`)
 * links to the operations whose path takes that parameter, where that resource lives: below the path
 * that created it (POST /api/cases → /api/cases/{id}/…, POST …/handovers → …/handovers/{handoverId}/…), or
 * in the same context (tag) as the operation that created it (an assistance plan's services are the
 * assistance context's service referrals; a reintegration plan's are not). The target's other path
 * parameters come from the source's own path (`$request.path.id`). An id that merely echoes the
 * source's own path parameter (every command answers its `caseId`) creates nothing, so it links
 * nothing: each link says "this answer made something you can now act on".
 */
export function withLinks(document: OpenAPIObject): OpenAPIObject {
  const operations = operationsOf(document);
  for (const source of operations) {
    for (const [status, answer] of Object.entries(source.operation.responses ?? {})) {
      if (status !== '201' || !answer || isReference(answer)) continue;
      const properties = answerProperties(document, answer);
      if (properties.size === 0) continue;
      const links: Record<string, LinkObject> = {};
      for (const target of operations) {
        if (target === source || !target.operation.operationId || !related(source, target)) continue;
        const parameters = bind(source, target, properties);
        if (parameters) links[target.operation.operationId] = linkTo(target, parameters);
      }
      if (Object.keys(links).length > 0) answer.links = { ...(answer.links ?? {}), ...links };
    }
  }
  return document;
}

interface Operation {
  method: string;
  path: string;
  /** Path segments, parameters as `{name}`. */
  segments: string[];
  operation: OperationObject;
}

function operationsOf(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(
        ([, operation]) => typeof operation === 'object' && operation !== null && 'responses' in operation,
      )
      .map(([method, operation]) => ({
        method,
        path,
        segments: path.split('/').filter(Boolean),
        operation: operation as OperationObject,
      })),
  );
}

const PARAMETER = /^\{(\w+)\}$/;

/** Below the source's path, or in the same context (a tag they share). */
function related(source: Operation, target: Operation): boolean {
  if (target.path.startsWith(`${source.path}/`)) return true;
  const tags = new Set(source.operation.tags ?? []);
  return (target.operation.tags ?? []).some((tag) => tags.has(tag));
}

/** The name of each path parameter of an operation, with the segment before it ("cases" for `{id}`). */
const pathParameters = (op: Operation): { name: string; index: number; after: string }[] =>
  op.segments.flatMap((segment, index) => {
    const match = PARAMETER.exec(segment);
    return match ? [{ name: match[1], index, after: op.segments[index - 1] ?? '' }] : [];
  });

/**
 * The runtime expression for each of the target's path parameters, or undefined when the source cannot
 * supply all of them, or supplies nothing it created.
 */
function bind(
  source: Operation,
  target: Operation,
  answered: ReadonlyMap<string, SchemaObject>,
): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  const sourceParameters = pathParameters(source);
  let created = false;
  for (const parameter of pathParameters(target)) {
    // The same parameter at the same place under the same prefix: the source acted on that very resource.
    const shared = sourceParameters.find(
      (p) =>
        p.name === parameter.name &&
        p.index === parameter.index &&
        source.segments.slice(0, p.index).join('/') === target.segments.slice(0, p.index).join('/'),
    );
    const fromAnswer = answerExpression(parameter, answered);
    if (shared) {
      parameters[parameter.name] = `$request.path.${parameter.name}`;
    } else if (fromAnswer) {
      parameters[parameter.name] = fromAnswer;
      created = true;
    } else {
      return undefined;
    }
  }
  return created ? parameters : undefined;
}

/** `{serviceId}` ← `serviceId`, or the first of `serviceIds`; `{id}` after `cases` ← `caseId`. */
function answerExpression(
  parameter: { name: string; after: string },
  answered: ReadonlyMap<string, SchemaObject>,
): string | undefined {
  const names =
    parameter.name === 'id' && parameter.after.endsWith('s')
      ? [`${parameter.after.slice(0, -1)}Id`]
      : [parameter.name];
  for (const name of names) {
    if (answered.get(name)?.type === 'string') return `$response.body#/${name}`;
    if (answered.get(`${name}s`)?.type === 'array') return `$response.body#/${name}s/0`;
  }
  return undefined;
}

function linkTo(target: Operation, parameters: Record<string, string>): LinkObject {
  const names = Object.keys(parameters).join(', ');
  return {
    operationId: target.operation.operationId,
    parameters,
    description: `${target.method.toUpperCase()} ${target.path} with the ${names} this answer names`,
  };
}

/** The properties of an answer's JSON body (its schema resolved through one `$ref`). */
function answerProperties(document: OpenAPIObject, answer: ResponseObject): Map<string, SchemaObject> {
  const schema = answer.content?.['application/json']?.schema;
  const resolved = schema && resolve(document, schema);
  const properties = new Map<string, SchemaObject>();
  for (const [name, property] of Object.entries(resolved?.properties ?? {})) {
    const value = resolve(document, property);
    if (value) properties.set(name, value);
  }
  return properties;
}

function resolve(document: OpenAPIObject, schema: SchemaObject | ReferenceObject): SchemaObject | undefined {
  if (!isReference(schema)) return schema;
  const name = schema.$ref.split('/').pop() as string;
  const target = document.components?.schemas?.[name];
  return target && !isReference(target) ? target : undefined;
}

const isReference = (value: object): value is ReferenceObject => '$ref' in value;
