import {
  DynamicModule,
  Global,
  Inject,
  Module,
  OnApplicationBootstrap,
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
import { AccountStore } from './auth/account-store';
import { AuthGuard } from './auth/auth.guard';
import { loadOrCreateJwtSecret } from './auth/jwt-secret';
import { TokenService } from './auth/token.service';
import { CASE_COMMAND_HANDLERS } from './cases/case-command-handlers';
import { CaseCommandExecutor } from './cases/case-command.executor';
import { CaseCommands } from './cases/case-commands.gateway';
import { CaseRepository } from './cases/case-repository';
import { CLOCK, systemClock } from './config/clock';
import { NODE_CONFIG, NodeConfig } from './config/node-config';
import {
  ACCOUNTS_FILE,
  EmbeddedAdapters,
  openEmbeddedAdapters,
  PROJECTIONS_LOCK_FILE,
} from './infrastructure/embedded-adapters';
import { ProcessLock } from './infrastructure/process-lock';
import { AUDITABLE_LOG, NODE_SIGNER, READ_YOUR_WRITES } from './infrastructure/tokens';

export interface PlatformOptions {
  /** Run the projections in this process (the node and the gateway do; a lone context service does not). */
  runProjections: boolean;
}

const ADAPTERS = Symbol('ADAPTERS');

/** Starts the projections after start-up and closes every store on shutdown, in a safe order. */
class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(ADAPTERS) private readonly adapters: EmbeddedAdapters,
    private readonly runner: ProjectionRunner,
    private readonly accounts: AccountStore,
    @Inject(READ_YOUR_WRITES) private readonly runProjections: boolean,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  private lock?: ProcessLock;

  async onApplicationBootstrap() {
    if (!this.runProjections) return;
    this.lock = new ProcessLock(join(this.config.dataDir, PROJECTIONS_LOCK_FILE));
    this.lock.acquire(); // one writer of the read models at a time (see the CLI's rebuild)
    await this.runner.start();
  }

  async onApplicationShutdown() {
    await this.runner.stop();
    this.lock?.release();
    await this.adapters.readModels.close();
    await this.adapters.eventStore.close();
    await this.adapters.keyStore.close();
    this.accounts.close();
  }
}

/** Configuration, stores, security and the command pipeline that every service of a node shares. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: NodeConfig, options: PlatformOptions): DynamicModule {
    const adapters = openEmbeddedAdapters(config);
    const runner = new ProjectionRunner(adapters.eventStore, adapters.readModels);
    return {
      module: PlatformModule,
      imports: [
        CqrsModule.forRoot(),
        JwtModule.register({ secret: loadOrCreateJwtSecret(config.dataDir, config.jwtSecret) }),
      ],
      providers: [
        { provide: NODE_CONFIG, useValue: config },
        { provide: CLOCK, useValue: systemClock },
        { provide: ADAPTERS, useValue: adapters },
        { provide: NODE_SIGNER, useValue: adapters.signer },
        { provide: EVENT_STORE, useValue: adapters.eventStore },
        { provide: AUDITABLE_LOG, useValue: adapters.eventStore },
        { provide: KEY_STORE, useValue: adapters.keyStore },
        { provide: READ_MODEL_STORE, useValue: adapters.readModels },
        { provide: PersonalDataCipher, useValue: new PersonalDataCipher(adapters.keyStore) },
        { provide: ProjectionRunner, useValue: runner },
        { provide: READ_YOUR_WRITES, useValue: options.runProjections },
        { provide: AccountStore, useValue: new AccountStore(join(config.dataDir, ACCOUNTS_FILE)) },
        TokenService,
        { provide: APP_GUARD, useClass: AuthGuard },
        CaseRepository,
        CaseCommandExecutor,
        CaseCommands,
        ...CASE_COMMAND_HANDLERS,
        PlatformLifecycle,
      ],
      exports: [
        NODE_CONFIG,
        CLOCK,
        NODE_SIGNER,
        EVENT_STORE,
        AUDITABLE_LOG,
        KEY_STORE,
        READ_MODEL_STORE,
        PersonalDataCipher,
        ProjectionRunner,
        AccountStore,
        TokenService,
        CaseRepository,
        CaseCommandExecutor,
        CaseCommands,
        CqrsModule,
      ],
    };
  }
}
