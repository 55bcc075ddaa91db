import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { loadDotEnv } from '@nrm/config/dotenv';
import { NodeConfig, readNodeConfig } from '@nrm/config/node-config';
import { createHttpApp, HttpAppOptions } from './bootstrap-http';
import { JsonLogger } from '../logging/json-logger';

/** The title of a service's OpenAPI document ("NRM node MD: node"). */
export const serviceTitle = (config: NodeConfig, service: string): string =>
  `NRM node ${config.country}: ${service}`;

/** Reads the configuration, starts one HTTP service and reports failures to start plainly. */
export async function runHttpService(
  service: string,
  rootModule: (config: NodeConfig) => Type<unknown> | DynamicModule,
  options: HttpAppOptions = {},
): Promise<void> {
  loadDotEnv();
  let config: NodeConfig;
  try {
    config = readNodeConfig();
  } catch (error) {
    process.stderr.write(`configuration error: ${(error as Error).message}\n`);
    process.exit(78); // EX_CONFIG
  }
  const logger = new JsonLogger(config.logLevel, process.stdout, { service, node: config.nodeId });
  logger.log({
    msg: `NRM ${service} for country ${config.country} starting`,
    country: config.country,
    dataDir: config.dataDir,
  });
  try {
    const module = rootModule(config);
    const app = await createHttpApp(module, config, serviceTitle(config, service), logger, options);
    await app.listen(config.port, config.host);
    logger.log({
      msg: `listening on http://${config.host}:${config.port} (OpenAPI at /api/docs)`,
      port: config.port,
    });
    stopGracefully(app, logger);
  } catch (error) {
    logger.error(error as Error);
    process.exit(1);
  }
}

const SHUTDOWN_GRACE_MS = 5000;

/** On SIGTERM/SIGINT: finish in-flight requests, stop the projections, close the stores, exit 0. */
function stopGracefully(app: INestApplication, logger: JsonLogger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log({ msg: `${signal} received, shutting down` });
    // In-flight requests get a grace period; then keep-alive connections (a partner's client keeps
    // them open for up to 72 s) are closed, so a stop never hangs on an idle client.
    const server = app.getHttpServer() as import('node:http').Server;
    setTimeout(() => server.closeAllConnections?.(), SHUTDOWN_GRACE_MS).unref();
    // The listener stops first and the requests in flight are answered before anything else closes:
    // Nest's own close destroys the modules (the stores) before it stops the server, which would fail
    // a request still being decided.
    const drained = new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections?.();
    });
    const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    Promise.race([drained, grace])
      .then(() => app.close())
      .then(
        () => {
          logger.log({ msg: 'stopped' });
          process.exit(0);
        },
        (error: Error) => {
          logger.error(error);
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
