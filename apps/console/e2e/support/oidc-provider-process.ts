import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A grant at the provider's token endpoint, as the provider script reports it (never the tokens). */
export interface TokenGrant {
  grantType: string;
  status: number;
}

/** The prefix of the script's own lines on stdout (oidc-provider prints notices there too). */
const REPORT = 'nrm-test-provider ';

export interface OidcProviderSettings {
  port: number;
  consoleOrigin: string;
  clientId: string;
  audience: string;
  /** Access token lifetime in seconds. */
  accessTtl?: number;
}

/**
 * oidc-provider started with `node` in a child process (support/oidc-provider.mjs: the package is
 * ESM-only and Playwright loads these files as CommonJS). `grants` fills as the console uses the
 * token endpoint.
 */
export class OidcProviderProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
    readonly grants: TokenGrant[],
  ) {}

  static async start(settings: OidcProviderSettings): Promise<OidcProviderProcess> {
    const child = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs')], {
      env: {
        ...process.env,
        OIDC_PORT: String(settings.port),
        OIDC_CONSOLE_ORIGIN: settings.consoleOrigin,
        OIDC_CLIENT_ID: settings.clientId,
        OIDC_AUDIENCE: settings.audience,
        OIDC_ACCESS_TTL: String(settings.accessTtl ?? 600),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const grants: TokenGrant[] = [];
    const started = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`oidc-provider did not start:\n${errors}`)), 20_000);
      child.once('exit', (code) => reject(new Error(`oidc-provider exited (${code}):\n${errors}`)));
      lines.on('line', (line) => {
        if (!line.startsWith(REPORT)) return;
        const report = JSON.parse(line.slice(REPORT.length)) as {
          issuer?: string;
          token?: string;
          status?: number;
        };
        if (report.issuer) {
          clearTimeout(timer);
          resolve(report.issuer);
        } else if (report.token !== undefined) {
          grants.push({ grantType: report.token, status: report.status ?? 0 });
        }
      });
    });
    try {
      return new OidcProviderProcess(child, await started, grants);
    } catch (error) {
      child.kill('SIGTERM');
      throw error;
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }
}
