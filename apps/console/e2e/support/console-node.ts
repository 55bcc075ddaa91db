import { createNrmClient, ok, type NrmClient, type RequestBody, type Schema } from '@nrm/api-client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerAgencies, registerTeam } from '../../../../test/support/organisation';
import {
  collect,
  exitOf,
  freePort,
  runTs,
  startNodeProcess,
  stopProcess,
  type NodeProcess,
} from '../../../../test/support/node-process';

export const ROOT = join(__dirname, '../../../..');
export const ADMIN = { username: 'admin', password: 'Console-admin-passphrase-1' };
/** Passwords of the users a test creates (the policy wants 12+ characters, not a common one). */
export const PASSWORD = 'Referral-mechanism-2026';

export type Role = RequestBody<'/api/users', 'post'>['role'];
type Country = RequestBody<'/api/users', 'post'>['country'];
type PartnerCountry = RequestBody<'/api/partners', 'post'>['country'];

/** A real node process on a temporary data directory, serving the console built in dist/console. */
export class ConsoleNode {
  private constructor(
    private node: NodeProcess,
    readonly dataDir: string,
    private readonly env: Record<string, string>,
  ) {}

  get process(): NodeProcess {
    return this.node;
  }

  get baseUrl(): string {
    return this.process.baseUrl;
  }

  static async start(env: Record<string, string> = {}): Promise<ConsoleNode> {
    const dataDir = mkdtempSync(join(tmpdir(), 'nrm-console-'));
    return new ConsoleNode(await ConsoleNode.launch(dataDir, env), dataDir, env);
  }

  private static environment(dataDir: string, env: Record<string, string>): Record<string, string> {
    return {
      NRM_DATA_DIR: dataDir,
      NRM_ADMIN_USERNAME: ADMIN.username,
      NRM_ADMIN_PASSWORD: ADMIN.password,
      NRM_CONSOLE_DIR: join(ROOT, 'dist/console'),
      NRM_API_RATE_LIMIT_PER_MINUTE: '6000',
      NRM_AUTH_RATE_LIMIT_PER_MINUTE: '600',
      NRM_LOG_LEVEL: 'warn',
      ...env,
    };
  }

  private static async launch(dataDir: string, env: Record<string, string>): Promise<NodeProcess> {
    return startNodeProcess(ConsoleNode.environment(dataDir, env), await freePort());
  }

  /**
   * Runs a TypeScript script of this repo (e.g. a seed, inside `restart`) with this node's environment,
   * so it opens the same data directory and keys the node does; fails with its output unless it exits 0.
   */
  async runScript(entry: string, args: string[]): Promise<void> {
    const child = runTs(entry, args, ConsoleNode.environment(this.dataDir, this.env));
    const output = collect(child);
    const code = await exitOf(child);
    if (code !== 0) throw new Error(`${entry} exited with ${code}:\n${output.out()}${output.err()}`);
  }

  /** The SQLite event store in the data directory (what a test alters while the node is stopped). */
  get eventStoreFile(): string {
    return join(this.dataDir, 'events.sqlite');
  }

  /**
   * Stops the node, runs `whileStopped` (with nothing holding the data directory open), and starts a
   * node again on the same data directory, on a new port (baseUrl changes).
   */
  async restart(whileStopped: () => void | Promise<void> = () => undefined): Promise<void> {
    await stopProcess(this.node.child);
    await whileStopped();
    this.node = await ConsoleNode.launch(this.dataDir, this.env);
  }

  async stop(): Promise<void> {
    await stopProcess(this.node.child);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** An API client signed in as `username` (for set-up and for changes made "by someone else"). */
  async client(username: string, password = PASSWORD): Promise<NrmClient> {
    const anonymous = createNrmClient({ baseUrl: this.baseUrl });
    const { accessToken } = await ok(
      anonymous.POST('/api/auth/login', { body: { username, password } }),
      200,
    );
    return createNrmClient({ baseUrl: this.baseUrl, token: accessToken });
  }

  /** Registers the agencies (and their test district) the registry does not hold yet. */
  async registerAgencies(codes: readonly string[]): Promise<void> {
    await registerAgencies(await this.client(ADMIN.username, ADMIN.password), codes);
  }

  async registerTeam(code: string, members: readonly string[]): Promise<void> {
    await registerTeam(await this.client(ADMIN.username, ADMIN.password), code, members);
  }

  async createUser(username: string, role: Role, agency?: string, country: Country = 'MD'): Promise<void> {
    const admin = await this.client(ADMIN.username, ADMIN.password);
    if (agency !== undefined) await registerAgencies(admin, [agency]);
    await ok(
      admin.POST('/api/users', { body: { username, password: PASSWORD, role, agency, country } }),
      201,
    );
  }

  /**
   * This node's admin registers `partner` (its identity as the partner's admin reads it, its address)
   * under `agreement`: what the two nodes may exchange. Each side registers the other.
   */
  async registerPartner(partner: ConsoleNode, agreement: Schema<'AgreementDto'>): Promise<void> {
    const identity = await ok(
      (await partner.client(ADMIN.username, ADMIN.password)).GET('/api/node/identity'),
      200,
    );
    const admin = await this.client(ADMIN.username, ADMIN.password);
    await ok(
      admin.POST('/api/partners', {
        body: {
          nodeId: identity.nodeId,
          // The identity states the country as a plain string; the registration takes an ISO code.
          country: identity.country as PartnerCountry,
          publicKeyPem: identity.publicKeyPem,
          encryptionKeyPem: identity.encryptionKeyPem,
          endpoint: partner.baseUrl,
          agreement,
        },
      }),
      201,
    );
  }
}
