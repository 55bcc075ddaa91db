import { createSecretKey, type KeyObject } from 'node:crypto';
import {
  DynamicModule,
  Global,
  Inject,
  InjectionToken,
  Module,
  OnApplicationBootstrap,
  Logger,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { JwtModule } from '@nestjs/jwt';
import { EVENT_STORE } from '@nrm/event-store/port';
import { KEY_STORE } from '@nrm/privacy/port';
import { PersonalDataCipher } from '@nrm/privacy';
import { ProjectionRunner, READ_MODEL_STORE } from '@nrm/read-models';
import { join } from 'node:path';
import { IamStoresModule } from '@nrm/iam/stores/iam-stores.module';
import { AuthGuard } from '@nrm/iam/http/auth.guard';
import { OidcVerifier } from '@nrm/iam/oidc/oidc-verifier';
import { loadOrCreateJwtSecret } from '@nrm/iam/sessions/jwt-secret';
import { TokenService } from '@nrm/iam/sessions/token.service';
import { CaseCommandExecutor } from './cases/case-command.executor';
import { CaseCommands } from './cases/case-command-bus';
import { CaseRepository } from './cases/case-repository';
import { CLOCK, systemClock } from '@nrm/config/clock';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import {
  NodeAdapters,
  openNodeAdapters,
  prepareDataDir,
  PROJECTIONS_LOCK_FILE,
} from './infrastructure/node-adapters';
import { runShutdownSteps } from './infrastructure/bounded-shutdown';
import { ProcessLock } from './infrastructure/process-lock';
import {
  AUDITABLE_LOG,
  LOG_SIGNS_EVERY_APPEND,
  NODE_ENCRYPTION_KEY,
  NODE_SIGNER,
  READ_YOUR_WRITES,
} from './infrastructure/tokens';
import { EventWriter } from './log/event-writer';
import { OrganisationRegistry } from './organisation/organisation-registry';
import { AGENCY_DIRECTORY } from '@nrm/iam/accounts/agency-directory.port';

export interface PlatformOptions {
  /** Run the projections (and the Kafka relay) in this process: the node and the gateway do, a lone context service does not. */
  runProjections: boolean;
}

/** The adapters as opened: private to this module, which hands out each part under its own token. */
const ADAPTERS = Symbol('NODE_ADAPTERS');

/** Starts the projections and the relay after start-up and closes every store on shutdown, in a safe order, each stage bounded in time. */
class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private lock?: ProcessLock;

  constructor(
    @Inject(ADAPTERS) private readonly adapters: NodeAdapters,
    private readonly runner: ProjectionRunner,
    @Inject(READ_YOUR_WRITES) private readonly runProjections: boolean,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  async onApplicationBootstrap() {
    if (!this.runProjections) return;
    this.lock = new ProcessLock(join(this.config.dataDir, PROJECTIONS_LOCK_FILE));
    this.lock.acquire(); // one writer of the read models at a time (see the CLI's rebuild)
    await this.runner.start();
    await this.adapters.relay?.start();
  }

  async onApplicationShutdown() {
    const logger = new Logger('shutdown');
    await runShutdownSteps(
      [
        { name: 'the relay to the shared log', run: async () => this.adapters.relay?.stop() },
        { name: 'the projections', run: () => this.runner.stop() },
        { name: 'the stores', run: () => this.closeStores() },
      ],
      this.config.shutdownTimeoutMs,
      {
        late: (step, ms) =>
          logger.warn(
            `${step} did not stop within ${ms} ms (an operation its server never answered?): going on; ` +
              'nothing acknowledged is lost (the log is durable, projections and relay resume from their checkpoints)',
          ),
        failed: (step, error) => logger.error(`stopping ${step} failed: ${String(error)}`),
      },
    );
  }

  private async closeStores(): Promise<void> {
    this.lock?.release();
    await this.adapters.close();
  }
}

/** A provider of one part of the adapters, which open asynchronously (servers) before anything uses them. */
const fromAdapters = <T>(token: InjectionToken, pick: (adapters: NodeAdapters) => T) => ({
  provide: token,
  useFactory: pick,
  inject: [ADAPTERS],
});

/**
 * The token secret as a KeyObject, made once: given a string, jsonwebtoken first tries it as a public
 * key on every check (a thrown and caught exception) before taking it as a secret, which the profile of
 * the node under load showed as 5 % of its CPU.
 */
function hmacKey(config: NodeConfig): () => KeyObject {
  const key = createSecretKey(Buffer.from(loadOrCreateJwtSecret(prepared(config).dataDir, config.jwtSecret)));
  return () => key;
}

/** Configuration, stores, security and the command pipeline that every service of a node shares. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: NodeConfig, options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        CqrsModule.forRoot(),
        JwtModule.register({ secretOrKeyProvider: hmacKey(config) }),
        IamStoresModule,
      ],
      providers: [
        { provide: NODE_CONFIG, useValue: config },
        { provide: CLOCK, useValue: systemClock },
        { provide: ADAPTERS, useFactory: () => openNodeAdapters(config) },
        fromAdapters(EVENT_STORE, (a) => a.eventStore),
        fromAdapters(KEY_STORE, (a) => a.keyStore),
        fromAdapters(READ_MODEL_STORE, (a) => a.readModels),
        fromAdapters(AUDITABLE_LOG, (a) => a.auditableLog),
        fromAdapters(NODE_SIGNER, (a) => a.signer),
        fromAdapters(NODE_ENCRYPTION_KEY, (a) => a.encryptionKey),
        fromAdapters(LOG_SIGNS_EVERY_APPEND, (a) => a.signsEveryAppend),
        fromAdapters(PersonalDataCipher, (a) => new PersonalDataCipher(a.keyStore)),
        fromAdapters(ProjectionRunner, (a) => new ProjectionRunner(a.eventStore, a.readModels)),
        { provide: READ_YOUR_WRITES, useValue: options.runProjections },
        TokenService,
        OidcVerifier,
        { provide: APP_GUARD, useClass: AuthGuard },
        EventWriter,
        CaseRepository,
        CaseCommandExecutor,
        CaseCommands,
        PlatformLifecycle,
        OrganisationRegistry,
        { provide: AGENCY_DIRECTORY, useExisting: OrganisationRegistry },
      ],
      exports: [
        NODE_CONFIG,
        CLOCK,
        EVENT_STORE,
        KEY_STORE,
        READ_MODEL_STORE,
        AUDITABLE_LOG,
        NODE_SIGNER,
        NODE_ENCRYPTION_KEY,
        LOG_SIGNS_EVERY_APPEND,
        PersonalDataCipher,
        ProjectionRunner,
        IamStoresModule,
        TokenService,
        EventWriter,
        CaseRepository,
        CaseCommandExecutor,
        CaseCommands,
        CqrsModule,
        OrganisationRegistry,
        AGENCY_DIRECTORY,
      ],
    };
  }
}

/** The data directory exists (private) before anything, the token secret included, is kept in it. */
function prepared(config: NodeConfig): NodeConfig {
  prepareDataDir(config.dataDir);
  return config;
}
