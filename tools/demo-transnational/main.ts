/**
 * npm run demo:transnational [-- [--keep] [--timeout <seconds>]]
 *
 * Two NRM nodes on this machine, each a real process with its own data directory and port: DE (the
 * country of destination) and MD (the country of origin). Their admins register each other as
 * partners through the API, then operators walk one case from registration in DE to reintegration in
 * MD; every cross-border step is awaited on the other node. At the end both nodes' handover history of
 * the case is printed side by side. Exit 0 only if the two agree; 1 if they differ; 2 if the walk
 * failed; 64 on a usage error; 128 + n on signal n. Both processes are stopped on every path, and the
 * temporary directory removed unless --keep.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareHistories, fetchHistory, renderHistories } from './handover-history';
import { EXPECTED_KINDS, HANDOVER_WALK, walk, WalkContext } from './handover-walk';
import { NodeClient } from './node-client';
import { freePort } from '@nrm/common/net/free-port';
import { NodeLauncher } from './node-launcher';
import { AGREEMENT, createOperators, Credentials, OPERATOR_ROLES, registerPartner } from './partner-setup';

const EXIT = { agree: 0, differ: 1, failed: 2, usage: 64 } as const;
const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
const START_TIMEOUT_MS = 120_000;

interface Options {
  keep: boolean;
  /** Bound of each wait: a node starting, a message arriving, both histories settling. */
  timeoutMs: number;
}

function parseArgs(args: string[]): Options {
  const options: Options = { keep: false, timeoutMs: 90_000 };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=', 2);
    if (flag === '--keep') options.keep = true;
    else if (flag === '--timeout') {
      const value = Number(inline ?? args[++i]);
      if (!Number.isFinite(value) || value < 1 || value > 3600)
        throw new UsageError('--timeout takes a number of seconds from 1 to 3600');
      options.timeoutMs = value * 1000;
    } else if (flag === '--help' || flag === '-h') throw new UsageError('', true);
    else throw new UsageError(`unknown argument "${args[i]}"`);
  }
  return options;
}

class UsageError extends Error {
  constructor(
    message: string,
    readonly help = false,
  ) {
    super(message);
  }
}

const USAGE = `usage: npm run demo:transnational [-- [--keep] [--timeout <seconds>]]
  --keep               keep the nodes' data directories and logs, and print where they are
  --timeout <seconds>  bound of each wait (a message arriving, both histories settling); default 90,
                       and at least 120 for a node to start
`;

class Demo {
  private readonly started = Date.now();
  private readonly root = mkdtempSync(join(tmpdir(), 'nrm-demo-transnational-'));
  private readonly nodes: NodeLauncher[] = [];
  private finishing = false;
  private cleaned = false;
  /** Stops the walk's requests when the demo stops. */
  private readonly abort = new AbortController();
  private readonly credentials: Credentials = {
    admin: { username: 'admin', password: `demo-${randomBytes(12).toString('hex')}` },
    operatorPassword: `demo-operator-${randomBytes(12).toString('hex')}`,
  };

  constructor(private readonly options: Options) {}

  private say(who: string, text: string): void {
    const elapsed = ((Date.now() - this.started) / 1000).toFixed(1).padStart(5);
    process.stdout.write(`[${elapsed}s] ${who.padEnd(3)} ${text}\n`);
  }

  async run(): Promise<number> {
    process.stdout.write(
      'Transnational handover: DE (country of destination) and MD (country of origin), ' +
        'two node processes on this machine\n\n',
    );
    const [de, md] = await Promise.all([this.startNode('DE', 'nrm-de'), this.startNode('MD', 'nrm-md')]);

    for (const [client, country] of [
      [de, 'DE'],
      [md, 'MD'],
    ] as const) {
      await createOperators(client, country, this.credentials);
      this.say(country, `admin created ${OPERATOR_ROLES.length} operators (${OPERATOR_ROLES.join(', ')})`);
    }
    for (const [node, partner] of [
      [de, md],
      [md, de],
    ] as const) {
      const partnerId = await registerPartner(node, partner);
      this.say(
        node.label,
        `admin registered partner ${partnerId} at ${partner.baseUrl} (${AGREEMENT.reference})`,
      );
    }
    process.stdout.write('\n');

    const ctx: WalkContext = { de, md };
    let index = 0;
    await walk(HANDOVER_WALK, ctx, {
      timeoutMs: this.options.timeoutMs,
      onStep: (step, timing) => {
        index += 1;
        const other = step.by === 'de' ? 'MD' : 'DE';
        const counter = `${String(index).padStart(2)}/${HANDOVER_WALK.length}`;
        const arrived =
          timing.arrivalMs === undefined ? '' : `  -> arrived in ${other} after ${seconds(timing.arrivalMs)}`;
        this.say(
          step.by.toUpperCase(),
          `${counter} ${step.title.padEnd(42)} done in ${seconds(timing.actMs)}${arrived}`,
        );
      },
    });

    process.stdout.write('\n');
    this.say('', `waiting until both nodes recorded the outcome of all ${EXPECTED_KINDS.length} messages`);
    const caseIds = { de: ctx.deCaseId as string, md: ctx.mdCaseId as string };
    const deadline = Date.now() + this.options.timeoutMs;
    for (;;) {
      const [left, right] = await Promise.all([fetchHistory(de, caseIds.de), fetchHistory(md, caseIds.md)]);
      const comparison = compareHistories(left, right, EXPECTED_KINDS);
      if (comparison.agree || Date.now() >= deadline) {
        process.stdout.write(
          `\nHandover history of the case (DE case ${caseIds.de}, MD case ${caseIds.md}):\n\n` +
            `${renderHistories(left, right, comparison)}\n`,
        );
        return comparison.agree ? EXIT.agree : EXIT.differ;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  private async startNode(country: string, nodeId: string): Promise<NodeClient> {
    const dataDir = join(this.root, country.toLowerCase());
    mkdirSync(dataDir, { mode: 0o700 });
    const node = new NodeLauncher({
      country,
      nodeId,
      port: await freePort(),
      dataDir,
      logFile: join(this.root, `${country.toLowerCase()}.log`),
      env: {
        NRM_ADMIN_USERNAME: this.credentials.admin.username,
        NRM_ADMIN_PASSWORD: this.credentials.admin.password,
        // An undelivered message is retried soon: the demo shows delivery, not the production backoff.
        NRM_PARTNER_RETRY_MS: '200',
        NRM_PARTNER_RETRY_MAX_MS: '2000',
        // Every client here (the demo's polling and the partner node) shares the address 127.0.0.1.
        NRM_API_RATE_LIMIT_PER_MINUTE: '6000',
        NRM_LOG_LEVEL: 'info',
      },
    });
    this.nodes.push(node);
    this.say(country, `starting node ${nodeId} on ${node.baseUrl}, data in ${dataDir}`);
    node.start();
    await node.waitUntilHealthy(Math.max(this.options.timeoutMs, START_TIMEOUT_MS));
    this.say(country, `node ${nodeId} is up`);
    return new NodeClient(country, node.baseUrl, this.abort.signal);
  }

  /** Says what went wrong, with each node's state and the end of its log. */
  report(error: Error): void {
    process.stderr.write(`\ndemo failed: ${error.message}\n`);
    for (const node of this.nodes) {
      process.stderr.write(
        `\n${node.spec.country} node ${node.spec.nodeId}: ${node.describe()}; last lines of ${node.spec.logFile}:\n` +
          `${node.logTail()}\n`,
      );
    }
  }

  /** Stops both nodes, then removes (or keeps) the directory, and exits. Runs once. */
  async finish(code: number): Promise<never> {
    if (this.finishing) return new Promise<never>(() => undefined);
    this.finishing = true;
    this.abort.abort();
    await Promise.all(this.nodes.map((node) => node.stop().catch(() => node.killNow())));
    this.cleanUp();
    process.exit(code);
  }

  /** Synchronous, for a second Ctrl-C and the process 'exit' hook: kill, then remove unless --keep. */
  cleanUp(): void {
    for (const node of this.nodes) node.killNow();
    if (this.cleaned) return;
    this.cleaned = true;
    if (!this.options.keep) {
      rmSync(this.root, { recursive: true, force: true });
      return;
    }
    if (existsSync(this.root))
      process.stdout.write(
        `\nkept ${this.root}: data directories de/ and md/, logs de.log and md.log` +
          ` (admin password ${this.credentials.admin.password})\n`,
      );
  }

  get stopping(): boolean {
    return this.finishing;
  }
}

function main(): void {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    const usage = error as UsageError;
    if (usage.help) {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    process.stderr.write(`${usage.message}\n${USAGE}`);
    process.exit(EXIT.usage);
  }
  const demo = new Demo(options);
  for (const signal of Object.keys(SIGNAL_EXIT) as NodeJS.Signals[]) {
    process.on(signal, () => {
      if (demo.stopping) {
        // Asked again while stopping: do not wait for the nodes any longer.
        demo.cleanUp();
        process.exit(SIGNAL_EXIT[signal]);
      }
      process.stderr.write(`\n${signal}: stopping both nodes\n`);
      void demo.finish(SIGNAL_EXIT[signal]);
    });
  }
  process.on('exit', () => demo.cleanUp());
  const fail = (error: unknown) => {
    if (demo.stopping) return; // interrupted: the walk's errors are the nodes going away
    demo.report(error instanceof Error ? error : new Error(String(error)));
    if (!options.keep)
      process.stderr.write('\n(run with --keep to keep both data directories and full logs)\n');
    void demo.finish(EXIT.failed);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  demo.run().then((code) => demo.finish(code), fail);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;

main();
