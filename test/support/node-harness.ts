import { DynamicModule, Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@nrm/application';
import { NodeConfig, readNodeConfig } from '@nrm/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { JsonLogger } from '@nrm/application/logging/json-logger';
import { NodeModule } from '../../apps/node/src/node.module';

export const ADMIN = { username: 'admin', password: 'admin-password-for-tests' };
export const PASSWORD = 'correct horse battery staple';

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
    const app = await createHttpApp(rootModule(config), config, 'test node', quiet);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new NodeHarness(app, config, !dataDir);
  }

  async stop(): Promise<void> {
    await this.app.close();
    if (this.ownsDir) rmSync(this.config.dataDir, { recursive: true, force: true });
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
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

  async login(username: string, password: string): Promise<string> {
    const res = await this.request('POST', '/api/auth/login', { body: { username, password } });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken;
  }

  /** Creates one user per role (by the admin) and logs each in, under the role's name. */
  async withUsers(roles: string[], agency = 'national-nrm-office'): Promise<void> {
    const admin = await this.login(ADMIN.username, ADMIN.password);
    this.tokens.set('admin', admin);
    for (const role of roles) {
      const username = `${role.replace(/_/g, '-')}-user`;
      const created = await this.request('POST', '/api/users', {
        token: admin,
        body: { username, password: PASSWORD, role, agency, country: this.config.country },
      });
      if (created.status !== 201)
        throw new Error(`create ${role}: ${created.status} ${JSON.stringify(created.body)}`);
      this.tokens.set(role, await this.login(username, PASSWORD));
    }
  }
}

export const ALL_OPERATOR_ROLES = [
  'identification_officer',
  'case_manager',
  'return_officer',
  'prosecution_liaison',
  'auditor',
];

export const REGISTRATION = {
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
