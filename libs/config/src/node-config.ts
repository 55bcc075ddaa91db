import { MASTER_KEY_ENV, parseMasterKey } from '@nrm/privacy';
import { parseDeadlineDays, type DeadlinePolicy } from '@nrm/read-models/case-view/deadline-policy';
import { isIP } from 'node:net';
import { resolve } from 'node:path';

/** An external identity provider whose bearer tokens the node accepts (the production option). */
export interface OidcConfig {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** Claim holding one of the node's roles. */
  roleClaim: string;
  /** Set with NRM_OIDC_CLIENT_ID: the web console offers "Sign in with <displayName>". */
  console?: OidcConsoleConfig;
}

/**
 * The console as a public client of the provider (authorization code flow with PKCE, no secret): what
 * GET /api/auth/providers tells it, and whose origin the console's CSP lets it call.
 */
export interface OidcConsoleConfig {
  clientId: string;
  /** The provider's name on the sign-in button. */
  displayName: string;
  /** Scopes the console asks for; `openid` always among them. */
  scopes: string[];
  /** The issuer's origin: the console fetches the discovery document and exchanges the code there. */
  origin: string;
}

/** Everything a node reads from its environment, validated once at start-up. */
export interface NodeConfig {
  port: number;
  host: string;
  dataDir: string;
  /**
   * The web console's build (index.html and content-hashed assets/*) that the node and the gateway
   * serve at `/`; without an index.html there, they start anyway and `/` answers 404.
   */
  consoleDir: string;
  country: string;
  nodeId: string;
  reflectionPeriodDays: number;
  /** Days per step before its deadline falls due (NRM_DEADLINE_DAYS over the defaults): this country's. */
  deadlinePolicy: DeadlinePolicy;
  adminUsername: string;
  adminPassword?: string;
  /** Lifetime of access tokens, in seconds. */
  accessTokenTtlSeconds: number;
  /** Lifetime of a login session's refresh tokens, in seconds (rotation does not extend it). */
  refreshTokenTtlSeconds: number;
  /** Failed logins for one username within `loginLockoutSeconds` that lock it for as long. */
  loginMaxFailures: number;
  loginLockoutSeconds: number;
  /** Requests per minute and client address: on /api/auth/*, and on the rest of /api. */
  authRateLimitPerMinute: number;
  apiRateLimitPerMinute: number;
  /**
   * Which peers may tell the client's address in X-Forwarded-For (Fastify's `trustProxy`): false trusts
   * none (the socket's address is the client's), a number trusts that many proxy hops, a list trusts
   * those addresses, CIDR ranges or proxy-addr names (loopback, linklocal, uniquelocal).
   */
  trustProxy: TrustProxy;
  /** Origins that browsers may call the API from; empty: CORS closed. */
  corsOrigins: string[];
  oidc?: OidcConfig;
  /** NODE_ENV=production: secrets must come from the environment, nothing is generated. */
  production: boolean;
  /** Optional: otherwise the embedded default keeps a generated secret in the data directory. */
  jwtSecret?: string;
  eventStoreUrl?: string;
  kafkaBrokers?: string;
  /** First segment of the node's Kafka topic names (`<prefix>.<country>.<context>`). */
  kafkaTopicPrefix: string;
  kafkaPartitions: number;
  mongoUrl?: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Agency code that receives partner nodes' handover requests (its operators see those cases). */
  partnerReceivingAgency: string;
  /** First retry of an undelivered partner message; doubles up to `partnerRetryMaxMs`. */
  partnerRetryMs: number;
  partnerRetryMaxMs: number;
  /**
   * How old a partner's message may be (its `time`) and still be accepted; older ones are refused as
   * stale. Seen message ids are kept for good, so a replay is caught by id within this window too.
   */
  partnerMaxMessageAgeDays: number;
  /** How long each stage of a stop (the relay, the projections, the stores) may take before the node warns and goes on. */
  shutdownTimeoutMs: number;
}

export type TrustProxy = false | number | string[];

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const MIN_REFLECTION_DAYS = 30;

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function deadlineDays(value: string | undefined): DeadlinePolicy {
  try {
    return parseDeadlineDays(value ?? '');
  } catch (error) {
    throw new ConfigError(`NRM_DEADLINE_DAYS: ${(error as Error).message}`);
  }
}

function agencyCode(value: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/.test(value))
    throw new ConfigError(`NRM_PARTNER_RECEIVING_AGENCY must be an agency code, got "${value}"`);
  return value;
}

function topicPrefix(value: string): string {
  if (!/^[a-z0-9][a-z0-9_-]{0,40}$/.test(value)) {
    throw new ConfigError(
      `NRM_KAFKA_TOPIC_PREFIX must be lower-case letters, digits, _ or -, got "${value}"`,
    );
  }
  return value;
}

function corsOrigins(raw: string | undefined): string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    // Exact origins only: a wildcard would open the API to every site a logged-in operator visits.
    if (!/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin)) {
      throw new ConfigError(
        `NRM_CORS_ORIGINS must list origins like https://nrm.example.org, got "${origin}"`,
      );
    }
  }
  return origins;
}

const PROXY_ADDR_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const MAX_PROXY_HOPS = 10;

/** NRM_TRUST_PROXY: unset trusts nobody; `true` is refused (any client could then claim any address). */
export function trustProxyFrom(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false') return false;
  const hint =
    `NRM_TRUST_PROXY must be a hop count (1 to ${MAX_PROXY_HOPS}) or comma-separated proxy addresses, ` +
    `CIDR ranges or ${PROXY_ADDR_NAMES.join('/')}`;
  if (value === 'true') {
    throw new ConfigError(
      `${hint}; "true" would let every client choose its own address for the rate limits`,
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops < 1 || hops > MAX_PROXY_HOPS) throw new ConfigError(`${hint}, got "${raw}"`);
    return hops;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!isProxyAddress(entry)) throw new ConfigError(`${hint}, got "${entry}" in "${raw}"`);
  }
  return entries;
}

function isProxyAddress(entry: string): boolean {
  if (PROXY_ADDR_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function oidcFrom(env: NodeJS.ProcessEnv, production: boolean): OidcConfig | undefined {
  const issuer = env.NRM_OIDC_ISSUER || undefined;
  const audience = env.NRM_OIDC_AUDIENCE || undefined;
  const jwksUrl = env.NRM_OIDC_JWKS_URL || undefined;
  if (!issuer && !audience && !jwksUrl) return undefined;
  if (!issuer || !audience || !jwksUrl) {
    throw new ConfigError('NRM_OIDC_ISSUER, NRM_OIDC_AUDIENCE and NRM_OIDC_JWKS_URL must be set together');
  }
  let url: URL;
  try {
    url = new URL(jwksUrl);
  } catch {
    throw new ConfigError(`NRM_OIDC_JWKS_URL is not a URL: "${jwksUrl}"`);
  }
  // Keys fetched in clear could be swapped on the way: production fetches them over TLS only.
  if (url.protocol !== 'https:' && (production || url.protocol !== 'http:')) {
    throw new ConfigError('NRM_OIDC_JWKS_URL must be an https:// URL');
  }
  const roleClaim = env.NRM_OIDC_ROLE_CLAIM || 'nrm_role';
  const signIn = oidcConsoleFrom(env, issuer, production);
  return { issuer, audience, jwksUrl, roleClaim, ...(signIn ? { console: signIn } : {}) };
}

/** NRM_OIDC_CLIENT_ID, NRM_OIDC_DISPLAY_NAME, NRM_OIDC_SCOPES: the console's sign-in with the provider. */
function oidcConsoleFrom(
  env: NodeJS.ProcessEnv,
  issuer: string,
  production: boolean,
): OidcConsoleConfig | undefined {
  const clientId = env.NRM_OIDC_CLIENT_ID || undefined;
  if (!clientId) {
    if (env.NRM_OIDC_DISPLAY_NAME || env.NRM_OIDC_SCOPES)
      throw new ConfigError('NRM_OIDC_DISPLAY_NAME and NRM_OIDC_SCOPES need NRM_OIDC_CLIENT_ID');
    return undefined;
  }
  if (!/^[\x21-\x7e]{1,255}$/.test(clientId))
    throw new ConfigError('NRM_OIDC_CLIENT_ID must be 1 to 255 visible ASCII characters');
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ConfigError(`NRM_OIDC_ISSUER must be a URL for the console's sign-in, got "${issuer}"`);
  }
  // The browser sends the authorization code and its PKCE verifier there: in clear only on a test bench.
  if (url.protocol !== 'https:' && (production || url.protocol !== 'http:'))
    throw new ConfigError("NRM_OIDC_ISSUER must be an https:// URL for the console's sign-in");
  const displayName = (env.NRM_OIDC_DISPLAY_NAME || url.hostname).trim();
  if (displayName.length < 1 || displayName.length > 60 || /[\p{Cc}]/u.test(displayName))
    throw new ConfigError('NRM_OIDC_DISPLAY_NAME must be 1 to 60 characters, no control characters');
  const scopes = (env.NRM_OIDC_SCOPES || 'openid profile').split(/\s+/).filter(Boolean);
  if (!scopes.every((scope) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(scope)))
    throw new ConfigError('NRM_OIDC_SCOPES must be scope names separated by spaces (RFC 6749, 3.3)');
  if (!scopes.includes('openid')) scopes.unshift('openid');
  return { clientId, displayName, scopes: [...new Set(scopes)], origin: url.origin };
}

/** Production never generates secrets next to the data: they come from the environment or the start fails. */
function requireProductionSecrets(env: NodeJS.ProcessEnv): void {
  const missing = [MASTER_KEY_ENV, 'NRM_JWT_SECRET'].filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new ConfigError(`NODE_ENV=production needs ${missing.join(' and ')} in the environment`);
  }
  try {
    parseMasterKey(env[MASTER_KEY_ENV] as string);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

export function readNodeConfig(env: NodeJS.ProcessEnv = process.env): NodeConfig {
  const production = env.NODE_ENV === 'production';
  if (production) requireProductionSecrets(env);
  const jwtSecret = env.NRM_JWT_SECRET || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < 32)
    throw new ConfigError('NRM_JWT_SECRET must be at least 32 characters');
  const country = (env.NRM_NODE_COUNTRY ?? 'MD').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country))
    throw new ConfigError(`NRM_NODE_COUNTRY must be an ISO 3166-1 alpha-2 code, got "${country}"`);
  const logLevel = (env.NRM_LOG_LEVEL ?? 'info') as NodeConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel))
    throw new ConfigError(`NRM_LOG_LEVEL must be debug, info, warn or error`);
  return {
    port: intFrom(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.NRM_DATA_DIR ?? './data'),
    // Relative to the working directory, like the data directory: npm scripts and the image start
    // every app from the repository root, where the console's build lands.
    consoleDir: resolve(env.NRM_CONSOLE_DIR || './dist/console'),
    country,
    nodeId: env.NRM_NODE_ID ?? `nrm-${country.toLowerCase()}`,
    // The Convention (Art. 13) sets at least 30 days; a national setting may only lengthen it.
    reflectionPeriodDays: intFrom(
      env,
      'NRM_REFLECTION_PERIOD_DAYS',
      MIN_REFLECTION_DAYS,
      MIN_REFLECTION_DAYS,
      3650,
    ),
    deadlinePolicy: deadlineDays(env.NRM_DEADLINE_DAYS),
    adminUsername: env.NRM_ADMIN_USERNAME || 'admin',
    adminPassword: env.NRM_ADMIN_PASSWORD || undefined,
    accessTokenTtlSeconds: intFrom(env, 'NRM_ACCESS_TOKEN_TTL_SECONDS', 15 * 60, 60, 86400),
    refreshTokenTtlSeconds: intFrom(env, 'NRM_REFRESH_TOKEN_TTL_SECONDS', 8 * 3600, 300, 30 * 86400),
    loginMaxFailures: intFrom(env, 'NRM_LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginLockoutSeconds: intFrom(env, 'NRM_LOGIN_LOCKOUT_SECONDS', 15 * 60, 1, 86400),
    authRateLimitPerMinute: intFrom(env, 'NRM_AUTH_RATE_LIMIT_PER_MINUTE', 20, 1, 1_000_000),
    apiRateLimitPerMinute: intFrom(env, 'NRM_API_RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    trustProxy: trustProxyFrom(env.NRM_TRUST_PROXY),
    corsOrigins: corsOrigins(env.NRM_CORS_ORIGINS),
    oidc: oidcFrom(env, production),
    production,
    jwtSecret,
    eventStoreUrl: env.EVENTSTORE_URL || undefined,
    kafkaBrokers: env.KAFKA_BROKERS || undefined,
    kafkaTopicPrefix: topicPrefix(env.NRM_KAFKA_TOPIC_PREFIX ?? 'nrm'),
    kafkaPartitions: intFrom(env, 'NRM_KAFKA_PARTITIONS', 6, 1, 1000),
    mongoUrl: env.MONGO_URL || undefined,
    logLevel,
    partnerReceivingAgency: agencyCode(env.NRM_PARTNER_RECEIVING_AGENCY ?? 'national-nrm-office'),
    partnerRetryMs: intFrom(env, 'NRM_PARTNER_RETRY_MS', 1000, 10, 3_600_000),
    partnerRetryMaxMs: intFrom(env, 'NRM_PARTNER_RETRY_MAX_MS', 5 * 60_000, 10, 86_400_000),
    partnerMaxMessageAgeDays: intFrom(env, 'NRM_PARTNER_MAX_MESSAGE_AGE_DAYS', 7, 1, 365),
    shutdownTimeoutMs: intFrom(env, 'NRM_SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
  };
}

export const NODE_CONFIG = Symbol('NODE_CONFIG');
