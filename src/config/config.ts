import { randomBytes } from 'node:crypto';

/**
 * Typed, validated configuration. This file is the only place that reads the environment:
 * everything else receives an `AppConfig`.
 *
 * The core namespaces are declared here; each feature adds its own section by declaration merging
 * (`declare module '../../config/config.js' { interface AppConfig { … } }`) beside the
 * `ConfigSection` that reads it, in its module folder.
 */
export interface AppConfig {
  app: { port: number; runWorkers: boolean; demoData: boolean; logRequests: boolean; requestTimeoutMs: number; docsEnabled: boolean };
  database: DatabaseConfig;
  redis: { url: string | null; prefix: string };
  jobs: { concurrency: number; backoffMs: number; lockMs: number; enqueueTimeoutMs: number; recoveryIntervalMs: number };
}

/** What every feature section may build on: the namespaces this file reads itself. */
export type CoreConfig = Pick<AppConfig, 'app' | 'database' | 'redis' | 'jobs'>;

export type FeatureConfigKey = Exclude<keyof AppConfig, keyof CoreConfig>;

/**
 * A feature's validated config section: the variables it reads, and how it reads them (defaults and
 * rules in `read`). A problem goes to `env.problem` (or comes from the reader's checks), so one bad
 * value anywhere still ends in one message that names every problem.
 */
export interface ConfigSection<K extends FeatureConfigKey = FeatureConfigKey> {
  readonly key: K;
  readonly env: readonly string[];
  read(env: EnvReader, core: CoreConfig): AppConfig[K];
}

/** Ties a section's key to the shape its feature declared for `AppConfig[key]`. */
export function configSection<K extends FeatureConfigKey>(section: ConfigSection<K>): ConfigSection<K> {
  return section;
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

/** The core namespaces and the given feature sections, or a ConfigError that names every problem. */
export function loadConfig(sections: readonly ConfigSection[], env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const database = readDatabaseConfig(read);
  const embedded = database.kind === 'embedded';

  const redisUrl = read.optionalString('REDIS_URL');
  if (redisUrl !== null && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push('REDIS_URL must start with redis:// or rediss://');
  }

  const core: CoreConfig = {
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
      enqueueTimeoutMs: read.integer('JOBS_ENQUEUE_TIMEOUT_MS', 2000, 50, 60_000),
      recoveryIntervalMs: read.integer('JOBS_RECOVERY_INTERVAL_MS', 300_000, 200, 86_400_000),
    },
  };
  const featureSections: Partial<Record<FeatureConfigKey, unknown>> = {};
  for (const section of sections) {
    if (section.key in featureSections) throw new Error(`Two config sections named ${section.key}`);
    featureSections[section.key] = section.read(new EnvReader(env, problems, new Set(section.env)), core);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  // Each feature's section has the shape its feature declared on AppConfig; `configSection` checks that.
  return { ...core, ...featureSections } as AppConfig;
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

/** Reads and checks variables; a feature section's reader reads only the variables the section declares. */
export class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
    private readonly declared?: ReadonlySet<string>,
  ) {}

  problem(message: string): void {
    this.problems.push(message);
  }

  optionalString(name: string): string | null {
    if (this.declared && !this.declared.has(name)) throw new Error(`A config section reads ${name} without declaring it in its env list`);
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
