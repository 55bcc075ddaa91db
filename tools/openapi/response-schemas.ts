/**
 * The JSON Schemas of the read routes' answers, generated from the TypeScript types their handlers
 * declare to return (ts-json-schema-generator): one declaration per shape, the one the code returns.
 *
 * A handler opts in with @ApiOkBody (libs/application/src/bootstrap/openapi-response-body.ts) and a
 * declared return type `Promise<Name>` (or `Name`), Name an exported interface or type alias. The
 * compiler checks what the handler returns against Name; this file turns Name (and every exported
 * type it uses) into schemas, written by `npm run api:client` to RESPONSE_SCHEMAS_FILE, which
 * openapi.ts merges into the document. The freshness test (libs/api-client/src/contract.spec.ts)
 * fails when the committed file is not what this produces.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createFormatter, createParser, DEFAULT_CONFIG, SchemaGenerator } from 'ts-json-schema-generator';
import ts from 'typescript';
import type { ResponseSchemas } from '@nrm/application/bootstrap/openapi-response-body';

const ROOT = resolve(__dirname, '../..');
/** Where the generated schemas are committed: beside openapi.ts, which reads them. */
export const RESPONSE_SCHEMAS_FILE = join(ROOT, 'libs/application/src/bootstrap/response-schemas.json');
/** The decorator that marks a handler whose declared return type is its answer's schema. */
const DECORATOR = 'ApiOkBody';
const SCANNED = ['apps', 'libs'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* sourceFiles(path);
    } else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.d.ts') &&
      !entry.name.endsWith('.spec.ts')
    )
      yield path;
  }
}

/** The TypeScript program of the files that use the decorator (and all they import), as tsconfig.json compiles them. */
function programOfHandlers(): ts.Program {
  const files = SCANNED.flatMap((dir) => [...sourceFiles(join(ROOT, dir))]).filter((file) =>
    readFileSync(file, 'utf8').includes(`${DECORATOR}(`),
  );
  const configFile = join(ROOT, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${configFile}`);
  return ts.createProgram(files, { ...parsed.options, noEmit: true });
}

const isDecoratedWith = (node: ts.MethodDeclaration, name: string): boolean =>
  (ts.getDecorators(node) ?? []).some(
    (d) =>
      ts.isCallExpression(d.expression) &&
      ts.isIdentifier(d.expression.expression) &&
      d.expression.expression.text === name,
  );

interface Handler {
  /** "CasesQueryController.list" */
  key: string;
  /** The declaration of the type the handler declares to return. */
  declaration: ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
}

/** Every @ApiOkBody handler, with the declaration of its declared return type. */
function handlersOf(program: ts.Program): Handler[] {
  const checker = program.getTypeChecker();
  const handlers: Handler[] = [];
  const fail = (node: ts.Node, message: string): never => {
    const file = node.getSourceFile();
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    throw new Error(`${relative(ROOT, file.fileName)}:${line + 1}: ${message}`);
  };
  for (const file of program.getRootFileNames().map((name) => program.getSourceFile(name)!)) {
    const visit = (node: ts.Node): void => {
      if (ts.isClassDeclaration(node) && node.name) {
        for (const member of node.members) {
          if (!ts.isMethodDeclaration(member) || !isDecoratedWith(member, DECORATOR)) continue;
          const key = `${node.name.text}.${member.name.getText()}`;
          let returned = member.type;
          if (!returned) fail(member, `${key}: @${DECORATOR} needs a declared return type (Promise<Name>)`);
          if (
            returned &&
            ts.isTypeReferenceNode(returned) &&
            returned.typeName.getText() === 'Promise' &&
            returned.typeArguments?.length === 1
          )
            returned = returned.typeArguments[0];
          if (!returned || !ts.isTypeReferenceNode(returned) || returned.typeArguments)
            fail(
              member,
              `${key}: the declared return type must name one type (Promise<Name>), not spell it out`,
            );
          const reference = returned as ts.TypeReferenceNode;
          let symbol = checker.getSymbolAtLocation(reference.typeName);
          if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
          const declaration = symbol?.declarations?.find(
            (d): d is ts.InterfaceDeclaration | ts.TypeAliasDeclaration =>
              ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d),
          );
          if (!declaration)
            fail(reference, `${key}: ${reference.getText()} is not an interface or a type alias`);
          handlers.push({ key, declaration: declaration! });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return handlers.sort((a, b) => a.key.localeCompare(b.key));
}

const DEFINITIONS = '#/definitions/';
const COMPONENTS = '#/components/schemas/';

/**
 * JSON Schema draft-07 as the generator writes it → the OpenAPI 3.0 dialect the document speaks:
 * refs into components, `const` as a one-value enum, `null` in a union as `nullable`.
 */
function toOpenApi(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(toOpenApi);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace(DEFINITIONS, COMPONENTS);
    else if (key === 'const') out.enum = [value];
    else out[key] = toOpenApi(value);
  }
  if (Array.isArray(out.type) && out.type.includes('null')) {
    const types = out.type.filter((t) => t !== 'null');
    out.type = types.length === 1 ? types[0] : types;
    out.nullable = true;
  }
  for (const union of ['anyOf', 'oneOf'] as const) {
    const members = out[union];
    if (!Array.isArray(members)) continue;
    const rest = members.filter(
      (m) => !(m && typeof m === 'object' && !Array.isArray(m) && m.type === 'null'),
    );
    if (rest.length === members.length) continue;
    out.nullable = true;
    if (rest.length === 1 && rest[0] && typeof rest[0] === 'object' && !Array.isArray(rest[0])) {
      delete out[union];
      // A $ref has no siblings in OpenAPI 3.0: a nullable reference is an allOf of one.
      if ('$ref' in rest[0]) out.allOf = [rest[0]];
      else Object.assign(out, rest[0]);
    } else out[union] = rest;
  }
  return out;
}

/** The schemas of every @ApiOkBody handler's answer, and which handler answers which. */
export function buildResponseSchemas(): ResponseSchemas {
  const program = programOfHandlers();
  const config = {
    ...DEFAULT_CONFIG,
    expose: 'export' as const,
    topRef: true,
    jsDoc: 'extended' as const,
    // An answer may gain a property in a minor version: clients must not refuse one they do not know.
    additionalProperties: true,
    encodeRefs: false,
    skipTypeCheck: true,
    sortProps: true,
  };
  const generator = new SchemaGenerator(
    program,
    createParser(program, config),
    createFormatter(config),
    config,
  );
  const handlers = handlersOf(program);
  const schemas: Record<string, Json> = {};
  const answers: Record<string, string> = {};
  for (const { key, declaration } of handlers) {
    const generated = generator.createSchemaFromNodes([declaration]) as {
      definitions?: Record<string, Json>;
    };
    for (const [name, definition] of Object.entries(generated.definitions ?? {})) {
      if (!/^[A-Za-z0-9._-]+$/.test(name))
        throw new Error(`${key}: the type ${name} has no name OpenAPI accepts: export it under one`);
      const schema = toOpenApi(definition);
      if (name in schemas && JSON.stringify(schemas[name]) !== JSON.stringify(schema))
        throw new Error(`two exported types are called ${name}: rename one (${key})`);
      schemas[name] = schema;
    }
    answers[key] = declaration.name.text;
  }
  const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  return { answers, schemas: sorted as ResponseSchemas['schemas'] };
}

/** The file as it is committed: two-space indentation, one trailing newline. */
export const renderResponseSchemas = (schemas: ResponseSchemas): string =>
  `${JSON.stringify(schemas, null, 2)}\n`;
