import { DynamicModule, Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, HttpAppOptions } from '@nrm/application';
import { NodeConfig, readNodeConfig } from '@nrm/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { JsonLogger } from '@nrm/application/logging/json-logger';
import { createNrmClient, NrmClient, ok, RequestBody, Schema } from '@nrm/api-client';
import { NodeModule } from '../../apps/node/src/node.module';
import { injectFetch } from './inject-fetch';
import { registerAgencies, registerTeam, TEST_DISTRICT } from './organisation';

export const ADMIN = { username: 'admin', password: 'admin-password-for-tests' };
export const PASSWORD = 'correct horse battery staple';

/** A role an account can have, as the document's CreateUserDto names them. */
export type AccountRole = Schema<'CreateUserDto'>['role'];

export interface Response {
  status: number;
  headers: Record<string, unknown>;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A whole node (every context + gateway) on a temp data dir, driven through Fastify's inject. */
export class NodeHarness {
  readonly tokens = new Map<string, string>();

  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: NodeConfig,
    private readonly ownsDir: boolean,
  ) {}

  static async start(
    env: Record<string, string> = {},
    dataDir?: string,
    rootModule: (config: NodeConfig) => DynamicModule | Type<unknown> = (config) =>
      NodeModule.forRoot(config),
    options: HttpAppOptions = {},
  ): Promise<NodeHarness> {
    const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'nrm-e2e-'));
    const config = readNodeConfig({
      NRM_DATA_DIR: dir,
      NRM_ADMIN_USERNAME: ADMIN.username,
      NRM_ADMIN_PASSWORD: ADMIN.password,
      NRM_LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'error',
      ...env,
    });
    const quiet = process.env.E2E_LOG_LEVEL
      ? new JsonLogger('debug')
      : new JsonLogger('error', new Writable({ write: (_c, _e, cb) => cb() }));
    const app = await createHttpApp(rootModule(config), config, 'test node', quiet, options);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new NodeHarness(app, config, !dataDir);
  }

  async stop(): Promise<void> {
    await this.app.close();
    if (this.ownsDir) rmSync(this.config.dataDir, { recursive: true, force: true });
  }

  async request(
    method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
    url: string,
    options: {
      as?: string;
      token?: string;
      body?: unknown;
      headers?: Record<string, string>;
      rawBody?: string;
    } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    const token = options.token ?? (options.as ? this.tokens.get(options.as) : undefined);
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined || options.rawBody !== undefined)
      headers['content-type'] ??= 'application/json';
    const response = await this.app.inject({
      method,
      url,
      headers,
      payload: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    let body: unknown = response.body;
    try {
      body = response.body ? JSON.parse(response.body) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: response.statusCode, headers: response.headers, body };
  }

  /**
   * The node's typed client (@nrm/api-client, generated from its OpenAPI document) through Fastify's
   * inject, as `as` (a name `withUsers` logged in; its token at the time of each request) or as nobody.
   */
  api(as?: string): NrmClient {
    if (as !== undefined && !this.tokens.has(as)) throw new Error(`nobody logged in as ${as}`);
    return createNrmClient({
      baseUrl: 'http://node.test',
      token: () => (as === undefined ? undefined : this.tokens.get(as)),
      fetch: injectFetch(this.app),
    });
  }

  async login(username: string, password: string): Promise<string> {
    const body: RequestBody<'/api/auth/login', 'post'> = { username, password };
    return (await ok(this.api().POST('/api/auth/login', { body }), 200)).accessToken;
  }

  /**
   * Registers the agencies that the organisation registry does not hold yet (and their district, when
   * missing): users, case teams and service providers may only name registered agencies.
   */
  async registerAgencies(codes: readonly string[], district = TEST_DISTRICT): Promise<void> {
    if (!this.tokens.has('admin')) this.tokens.set('admin', await this.login(ADMIN.username, ADMIN.password));
    await registerAgencies(this.api('admin'), codes, district);
  }

  /** Forms the team (by the admin) with its member agencies, registered first when missing. */
  async registerTeam(code: string, members: readonly string[]): Promise<void> {
    if (!this.tokens.has('admin')) this.tokens.set('admin', await this.login(ADMIN.username, ADMIN.password));
    await registerTeam(this.api('admin'), code, members);
  }

  /** Creates one user per role (by the admin) and logs each in, under the role's name. */
  async withUsers(roles: readonly AccountRole[], agency = 'national-nrm-office'): Promise<void> {
    this.tokens.set('admin', await this.login(ADMIN.username, ADMIN.password));
    await this.registerAgencies([agency]);
    for (const role of roles) {
      const user: RequestBody<'/api/users', 'post'> = {
        username: `${role.replace(/_/g, '-')}-user`,
        password: PASSWORD,
        role,
        agency,
        country: this.config.country,
      };
      await ok(this.api('admin').POST('/api/users', { body: user }), 201);
      this.tokens.set(role, await this.login(user.username, PASSWORD));
    }
  }
}

export const ALL_OPERATOR_ROLES: AccountRole[] = [
  'identification_officer',
  'case_manager',
  'return_officer',
  'prosecution_liaison',
  'auditor',
];

/** A presumed victim from Moldova, identified in Germany: a valid registration, typed by the document. */
export const REGISTRATION: RequestBody<'/api/cases', 'post'> = {
  referralSource: 'labour_inspectorate',
  person: {
    givenName: 'Ileana',
    familyName: 'Vrabie',
    sex: 'female',
    dateOfBirth: '1996-03-02',
    citizenship: 'MD',
  },
  countryOfExploitation: 'DE',
  formsOfExploitation: ['forced_labour'],
  indicators: ['withheld-documents'],
};
