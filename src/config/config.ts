import { randomBytes } from 'node:crypto';

/**
 * Typed, validated configuration. This file is the only place that reads the environment:
 * everything else receives an `AppConfig`.
 */
export interface AppConfig {
  app: { port: number; runWorkers: boolean; demoData: boolean; logRequests: boolean; requestTimeoutMs: number; docsEnabled: boolean };
  database: DatabaseConfig;
  redis: { url: string | null; prefix: string };
  jobs: { concurrency: number; backoffMs: number; lockMs: number };
  invoicing: { paymentTermDays: number; chunkSize: number; monthlyRuns: boolean };
  applications: { offerReplyDays: number };
  reports: { monthlyMonitor: boolean };
  auth: {
    jwtSecret: string | null;
    tokenTtlSeconds: number;
    adminEmail: string;
    adminPassword: string;
    loginMaxFailures: number;
    loginWindowMinutes: number;
  };
}

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; migrationsRun: boolean; poolSize: number }
  | { kind: 'embedded'; dataDir: string; migrationsRun: boolean };

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export const EMBEDDED_DEMO_ADMIN = { email: 'admin@example.org', password: 'broedplaats' };

/** Passwords that are documented somewhere and therefore never good enough for a real database. */
const DOCUMENTED_PASSWORDS = new Set([EMBEDDED_DEMO_ADMIN.password]);

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const database = readDatabaseConfig(read);
  const embedded = database.kind === 'embedded';

  const redisUrl = read.optionalString('REDIS_URL');
  if (redisUrl !== null && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push('REDIS_URL must start with redis:// or rediss://');
  }

  const adminEmail = (read.optionalString('ADMIN_EMAIL') ?? (embedded ? EMBEDDED_DEMO_ADMIN.email : '')).toLowerCase();
  const adminPassword = read.optionalString('ADMIN_PASSWORD') ?? (embedded ? EMBEDDED_DEMO_ADMIN.password : '');
  if (!embedded) {
    if (!adminEmail) problems.push('ADMIN_EMAIL is required when DATABASE_URL is set');
    if (!adminPassword) problems.push('ADMIN_PASSWORD is required when DATABASE_URL is set');
    else if (DOCUMENTED_PASSWORDS.has(adminPassword)) {
      problems.push('ADMIN_PASSWORD: the demo password is only accepted with the embedded database');
    } else if (adminPassword.length < 12) {
      problems.push('ADMIN_PASSWORD must have at least 12 characters when DATABASE_URL is set');
    }
  }
  if (adminEmail && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) problems.push('ADMIN_EMAIL is not an e-mail address');

  const jwtSecret = read.optionalString('JWT_SECRET');
  if (jwtSecret !== null && jwtSecret.length < 32) problems.push('JWT_SECRET must have at least 32 characters');

  const config: AppConfig = {
    app: {
      port: read.integer('PORT', 3000, 0, 65535),
      runWorkers: read.boolean('RUN_WORKERS', true),
      demoData: read.boolean('DEMO_DATA', embedded),
      logRequests: read.boolean('LOG_REQUESTS', true),
      requestTimeoutMs: read.integer('HTTP_REQUEST_TIMEOUT_MS', 30_000, 1000, 600_000),
      docsEnabled: read.boolean('DOCS_ENABLED', true),
    },
    database,
    redis: { url: redisUrl, prefix: read.optionalString('REDIS_PREFIX') ?? 'broedplaats' },
    jobs: {
      concurrency: read.integer('JOBS_CONCURRENCY', 4, 1, 64),
      backoffMs: read.integer('JOBS_BACKOFF_MS', 2000, 1, 600000),
      lockMs: read.integer('JOBS_LOCK_MS', 30000, 500, 3_600_000),
    },
    invoicing: {
      paymentTermDays: read.integer('INVOICE_PAYMENT_TERM_DAYS', 14, 0, 90),
      chunkSize: read.integer('INVOICE_CHUNK_SIZE', 50, 1, 1000),
      monthlyRuns: read.boolean('INVOICE_MONTHLY_RUNS', false),
    },
    applications: { offerReplyDays: read.integer('OFFER_REPLY_DAYS', 14, 1, 90) },
    reports: { monthlyMonitor: read.boolean('REPORTS_MONTHLY_MONITOR', false) },
    auth: {
      jwtSecret,
      tokenTtlSeconds: read.integer('AUTH_TOKEN_TTL_SECONDS', 3600, 60, 86400),
      adminEmail,
      adminPassword,
      loginMaxFailures: read.integer('AUTH_LOGIN_MAX_FAILURES', 10, 1, 1000),
      loginWindowMinutes: read.integer('AUTH_LOGIN_WINDOW_MINUTES', 15, 1, 1440),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The database namespace alone, for tools (the migration CLI) that need nothing else. */
export function loadDatabaseConfig(env: Env = process.env): DatabaseConfig {
  const problems: string[] = [];
  const database = readDatabaseConfig(new EnvReader(env, problems));
  if (problems.length > 0) throw new ConfigError(problems);
  return database;
}

function readDatabaseConfig(read: EnvReader): DatabaseConfig {
  const url = read.optionalString('DATABASE_URL');
  if (url !== null && !/^postgres(ql)?:\/\//.test(url)) read.problem('DATABASE_URL must start with postgres:// or postgresql://');
  const migrationsRun = read.boolean('MIGRATIONS_RUN', true);
  return url === null
    ? { kind: 'embedded', dataDir: read.optionalString('DATA_DIR') ?? './var', migrationsRun }
    : { kind: 'postgres', url, migrationsRun, poolSize: read.integer('DATABASE_POOL_SIZE', 10, 1, 200) };
}

/** A secret for a process that has neither JWT_SECRET nor a database-held one yet. */
export function generateSecret(): string {
  return randomBytes(48).toString('base64url');
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  problem(message: string): void {
    this.problems.push(message);
  }

  optionalString(name: string): string | null {
    const value = this.env[name]?.trim();
    return value ? value : null;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.optionalString(name);
    if (value === null) return fallback;
    if (['true', '1', 'yes'].includes(value.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(value.toLowerCase())) return false;
    this.problems.push(`${name} must be true or false, got "${value}"`);
    return fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.optionalString(name);
    if (value === null) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
      return fallback;
    }
    return parsed;
  }
}
