import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { hashPassword } from '../passwords/password-hasher';
import { ACCOUNT_ADMINISTRATION, AccountAdministration, NODE_ACTOR } from './account-administration.port';

/**
 * At start, before anyone logs in: makes the account table agree with the node's log (docs/security.md,
 * "Accounts"), then, on a node without users, creates the first admin (README.md: NRM_ADMIN_USERNAME /
 * NRM_ADMIN_PASSWORD) — an AccountCreated event whose actor is the node itself.
 */
@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('auth');

  constructor(
    @Inject(ACCOUNT_ADMINISTRATION) private readonly accounts: AccountAdministration,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  async onApplicationBootstrap() {
    await this.accounts.reconcile();
    if (this.accounts.count() > 0) return;
    const generated = !this.config.adminPassword;
    const password = this.config.adminPassword ?? randomBytes(18).toString('base64url');
    await this.accounts.create(
      { username: this.config.adminUsername, passwordHash: await hashPassword(password), role: 'admin' },
      NODE_ACTOR,
    );
    if (generated) {
      // Printed once, on the console only: it is not kept anywhere in clear.
      process.stdout.write(
        `\nFirst admin created: username "${this.config.adminUsername}", password "${password}" (shown once; change it)\n\n`,
      );
    } else {
      this.logger.log({ msg: 'first admin created from environment', username: this.config.adminUsername });
    }
  }
}
