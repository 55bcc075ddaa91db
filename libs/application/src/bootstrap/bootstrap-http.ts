import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { CLOUDEVENTS_JSON, MAX_ENVELOPE_BYTES } from '@nrm/transnational';
import { NodeConfig } from '@nrm/config/node-config';
import { JsonLogger } from '../logging/json-logger';
import { EtagInterceptor } from '@nrm/http/etag.interceptor';
import { mountOpenApi } from './openapi';
import { ProblemFilter } from '@nrm/http/problem.filter';
import { acceptJsonOnly, answerMethodNotAllowed } from '@nrm/http/http-semantics';
import { acceptCookies } from '@nrm/http/cookies';
import { applySecurity } from '@nrm/http/security';
import { serveConsole } from '@nrm/http/console/serve-console';
import { StrictQueryInterceptor } from '@nrm/http/strict-query.interceptor';
import { strictValidationPipe } from '@nrm/http/validation';

/** Request bodies above this size get 413: no command of the API needs more. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface HttpAppOptions {
  /**
   * Serve the web console (NRM_CONSOLE_DIR) at `/`: the node and the gateway do, the context services
   * behind the gateway do not.
   */
  serveConsole?: boolean;
}

/**
 * Creates the Fastify-based Nest application with the node's HTTP conventions (strict validation,
 * problem+json errors, ETag, security headers: docs/security.md, "Hardening"; the OpenAPI document at
 * /api/docs-json); does not listen.
 */
export async function createHttpApp(
  rootModule: Type<unknown> | DynamicModule,
  config: NodeConfig,
  title: string,
  logger = new JsonLogger(config.logLevel),
  options: HttpAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    // Who may name the client's address (X-Forwarded-For): request.ip, and so the per-address rate
    // limits, follow it. Off by default, so a client cannot pick its own rate-limit budget.
    trustProxy: config.trustProxy,
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    logger,
    bufferLogs: true,
    abortOnError: false,
    // Fastify's own JSON parser only: Nest's would add a form-encoded one (see acceptJsonOnly).
    bodyParser: false,
  });
  await applySecurity(app, config);
  // The browser session's refresh token comes and goes in a cookie (docs/api.md, "Browser session").
  await acceptCookies(app);
  const fastify = app.getHttpAdapter().getInstance();
  acceptJsonOnly(fastify);
  answerMethodNotAllowed(fastify);
  acceptCloudEvents(app);
  configureHttpApp(app, title);
  if (
    options.serveConsole &&
    !(await serveConsole(fastify, config.consoleDir, config.oidc?.console?.origin))
  ) {
    logger.warn({
      msg: `web console not built: no index.html in ${config.consoleDir} (npm run build); / answers 404`,
      consoleDir: config.consoleDir,
    });
  }
  // Structured access log: method, path (never the body: it may hold personal data), status, time.
  fastify.addHook('onResponse', (request, reply, done) => {
    logger.log(
      {
        msg: 'request',
        reqId: request.id,
        method: request.method,
        path: request.routeOptions?.url ?? request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'http',
    );
    done();
  });
  return app;
}

/** Partner nodes post CloudEvents in structured mode; parsed as JSON, bounded like an envelope. */
function acceptCloudEvents(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(
      CLOUDEVENTS_JSON,
      { parseAs: 'string', bodyLimit: MAX_ENVELOPE_BYTES },
      (_request, body, done) => {
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(Object.assign(new Error('the body is not JSON'), { statusCode: 400 }), undefined);
        }
      },
    );
}

export function configureHttpApp(app: INestApplication, title: string): void {
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalInterceptors(new StrictQueryInterceptor(), new EtagInterceptor());
  mountOpenApi(app, title);
}
