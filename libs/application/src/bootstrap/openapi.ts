import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from '@nrm/iam/access.decorators';
import { Role } from '@nrm/iam/roles';
import { CASE_COMMAND_ROUTE, CaseCommandRouteOptions } from '../cases/case-command-route';
import { withValidationConstraints } from './openapi-constraints';
import { withResponseBodies } from './openapi-response-body';
import { withLinks } from './openapi-links';
import { RouteFacts, withResponses } from './openapi-responses';

/** OpenAPI extension on every operation: the roles the route admits, as the auth guard enforces them. */
export const ROLES_EXTENSION = 'x-nrm-roles';
/** OpenAPI extension on the operations that need no token at all. */
export const PUBLIC_EXTENSION = 'x-nrm-public';

/**
 * The version of the HTTP API, as `info.version` of the document states it (semantic versioning). A
 * breaking change (an operation removed, a field newly required, an enum narrowed...) raises the major:
 * libs/api-client/src/api-version.spec.ts compares the document with the committed one and fails
 * otherwise (docs/api.md, "Versioning").
 */
export const API_VERSION = '6.0.0';

/** The document each application serves, as it serves it (see openApiDocumentOf). */
const documents = new WeakMap<INestApplication, OpenAPIObject>();

/**
 * The OpenAPI document `app` serves at /api/docs-json, the same object: what `npm run api:client`
 * writes to libs/api-client/openapi.json without a listening server.
 */
export function openApiDocumentOf(app: INestApplication): OpenAPIObject {
  const document = documents.get(app);
  if (!document) throw new Error('this application has no OpenAPI document (mountOpenApi was not called)');
  return document;
}

/** OpenAPI document at /api/docs-json and its viewer at /api/docs. */
export function mountOpenApi(app: INestApplication, title: string): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(title)
      .setDescription(
        'National / Transnational Referral Mechanism node. Errors are application/problem+json (RFC 9457); ' +
          'commands answer { caseId, revision } with ETag and accept If-Match.',
      )
      .setVersion(API_VERSION)
      .addBearerAuth()
      .build(),
  );
  const access = routeAccess(app);
  documentAccess(document, access);
  withValidationConstraints(document, queryClasses(app));
  withResponseBodies(document, handlerNames(app));
  withResponses(document, access);
  withLinks(document);
  documents.set(app, document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

interface RouteAccess extends RouteFacts {
  roles: Role[];
}

/**
 * Writes each route's access rule (@Public, or the @Roles list) into its operation, read from the same
 * metadata as the auth guard: clients see who may call what, and tests can check every route against it.
 * A route that has neither gets an empty role list, which is what the guard does with it (refused to all).
 */
function documentAccess(document: OpenAPIObject, access: ReadonlyMap<string, RouteAccess>): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const rule = access.get(`${method.toUpperCase()} ${path}`);
      if (!rule || typeof operation !== 'object' || operation === null || !('responses' in operation))
        continue;
      const target = operation as Record<string, unknown>;
      if (rule.isPublic) {
        target[PUBLIC_EXTENSION] = true;
        continue;
      }
      target[ROLES_EXTENSION] = rule.roles;
      const who = rule.roles.length > 0 ? rule.roles.join(', ') : 'none (refused to every caller)';
      const description = typeof target.description === 'string' ? `${target.description}\n\n` : '';
      target.description = `${description}Roles: ${who}.`;
    }
  }
}

/** "GET /api/cases/{id}" (the OpenAPI spelling) → the access rule of the handler behind it. */
function routeAccess(app: INestApplication): Map<string, RouteAccess> {
  const reflector = new Reflector();
  const rules = new Map<string, RouteAccess>();
  for (const { key, handler, controller } of routesOf(app)) {
    const targets = [handler, controller];
    rules.set(key, {
      isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true,
      roles: reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, targets) ?? [],
      caseCommand: reflector.getAllAndOverride<CaseCommandRouteOptions>(CASE_COMMAND_ROUTE, targets),
    });
  }
  return rules;
}

/** "GET /api/cases" → "CasesQueryController.list": the handler behind each operation. */
function handlerNames(app: INestApplication): Map<string, string> {
  const names = new Map<string, string>();
  for (const { key, controller, name } of routesOf(app)) names.set(key, `${controller.name}.${name}`);
  return names;
}

/** "GET /api/cases" → the class its @Query() is validated against, where it has one. */
function queryClasses(app: INestApplication): Map<string, Type<unknown>> {
  const classes = new Map<string, Type<unknown>>();
  for (const { key, controller, name } of routesOf(app)) {
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
      string,
      { index: number; data?: unknown }
    >;
    const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) as unknown[];
    for (const [argKey, arg] of Object.entries(args)) {
      const type = types[arg.index];
      if (argKey.startsWith(`${RouteParamtypes.QUERY}:`) && arg.data === undefined && isClass(type))
        classes.set(key, type);
    }
  }
  return classes;
}

const isClass = (value: unknown): value is Type<unknown> =>
  typeof value === 'function' && value !== Object && value !== String && value !== Number;

interface Route {
  /** "GET /api/cases/{id}" */
  key: string;
  name: string;
  handler: (...args: unknown[]) => unknown;
  controller: Type<unknown>;
}

/** Every route handler of the application, with its OpenAPI key. */
function* routesOf(app: INestApplication): Generator<Route> {
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        // Through the descriptor: reading a getter off the bare prototype would run it.
        const handler: unknown = Object.getOwnPropertyDescriptor(prototype, name)?.value;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const methodPath: unknown = Reflect.getMetadata(PATH_METADATA, handler);
        if (methodPath === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const base of asList(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const sub of asList(methodPath)) {
            const key = `${method} ${openApiPath(base, sub)}`;
            yield { key, name, handler: handler as Route['handler'], controller };
          }
        }
      }
    }
  }
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [value === undefined ? '' : String(value)];
}

function openApiPath(base: string, sub: string): string {
  const segments = [base, sub].flatMap((part) => part.split('/')).filter(Boolean);
  return `/${segments.map((segment) => segment.replace(/^:(\w+)$/, '{$1}')).join('/')}`;
}
