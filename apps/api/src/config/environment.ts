import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidationError,
  validateSync,
} from 'class-validator';
import { isIP } from 'node:net';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/** Like `toBoolean`, but an unrecognised word is kept, so validation names the variable instead of guessing. */
const strictBoolean = ({ value }: { value: unknown }) => {
  const word = String(value).toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(word)) return true;
  if (['0', 'false', 'no', 'off'].includes(word)) return false;
  return value;
};

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One entry of Express's `trust proxy` list: a name, an address, or an address with a prefix or netmask. */
function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, range, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(range) === 4;
}

/**
 * What Express's `trust proxy` accepts, except `true` (trusting every peer would let anyone choose their
 * address): a hop count, or a comma-separated list of addresses, CIDRs and the names loopback, linklocal,
 * uniquelocal.
 */
export function isTrustProxy(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (/^\d{1,2}$/.test(value.trim())) return true;
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.length > 0 && entries.every(isProxyEntry);
}

/** `trust proxy` as Express takes it: a hop count is a number, a list stays a string. */
export function trustProxySetting(value: string): number | string {
  return /^\d+$/.test(value.trim()) ? Number(value) : value;
}

/**
 * Every environment variable the product reads. Validated once at boot: a wrong or missing variable stops
 * the process with a message that names it.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsInt()
  @Min(0)
  @Max(65535)
  @Transform(({ value }) => Number(value))
  PORT = 3000;

  /** PostgreSQL connection string; absent means: start the embedded PostgreSQL. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// connection string' })
  DATABASE_URL?: string;

  /** Redis connection string for BullMQ; absent means: BullMQ's PostgreSQL backend on DATABASE_URL. */
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// connection string' })
  REDIS_URL?: string;

  /** Folder for the embedded PostgreSQL's data. */
  @IsString()
  EMBEDDED_PG_DIR = '.data/postgres';

  @IsInt()
  @Min(1024)
  @Max(65535)
  @Transform(({ value }) => Number(value))
  EMBEDDED_PG_PORT = 54329;

  /** Namespace for queue names (Redis key prefix / PostgreSQL schema), so several deployments can share. */
  @Matches(/^[a-z][a-z0-9_]{0,30}$/, { message: 'QUEUE_PREFIX must be lower-case letters, digits, _' })
  QUEUE_PREFIX = 'tms';

  /** Run the job workers inside the API process (the embedded default) or only in `pnpm worker`. */
  @IsBoolean()
  @Transform(toBoolean)
  WORKER_IN_PROCESS = true;

  @IsBoolean()
  @Transform(toBoolean)
  RUN_MIGRATIONS = true;

  /** Folder of the built SPA to serve at `/`; empty means the API serves no SPA. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  /**
   * Serve the OpenAPI documentation at /api/docs. Default: on, except in production outside the quick-start
   * demo (the published openapi.json documents the API there).
   */
  @IsOptional()
  @IsBoolean({ message: 'API_DOCS must be true or false' })
  @Transform(strictBoolean)
  API_DOCS?: boolean;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Largest CSV upload accepted, in megabytes. */
  @IsInt()
  @Min(1)
  @Max(10240)
  @Transform(({ value }) => Number(value))
  UPLOAD_MAX_MB = 1024;

  /** Folder where uploads and error reports are kept while an import runs. */
  @IsString()
  IMPORT_DIR = '.data/imports';

  /** Uploads at or above this size run as a background job; smaller ones run in the request. */
  @IsInt()
  @Min(0)
  @Transform(({ value }) => Number(value))
  IMPORT_INLINE_MAX_BYTES = 5 * 1024 * 1024;

  @IsInt()
  @Min(1)
  @Max(1000)
  @Transform(({ value }) => Number(value))
  MAX_PAGE_SIZE = 200;

  /** Secret that signs access tokens (≥ 32 characters). Required in production unless DEMO_MODE is on. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsInt()
  @Min(60)
  @Max(3600)
  @Transform(({ value }) => Number(value))
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @IsInt()
  @Min(1)
  @Max(90)
  @Transform(({ value }) => Number(value))
  REFRESH_TOKEN_TTL_DAYS = 7;

  /** The first administrator, created when there is no user yet. */
  @Matches(/^[a-z][a-z0-9_.-]{2,49}$/, {
    message: 'ADMIN_USERNAME must be 3–50 lower-case letters, digits, . _ -',
  })
  ADMIN_USERNAME = 'admin';

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD?: string;

  /** The quick-start demo: a random admin password is printed at first start, a random JWT secret is made. */
  @IsBoolean()
  @Transform(toBoolean)
  DEMO_MODE = false;

  @IsInt()
  @Min(1)
  @Max(100)
  @Transform(({ value }) => Number(value))
  LOGIN_MAX_FAILURES = 5;

  /** Failed sign-ins from one address (any usernames) before that address waits too. */
  @IsInt()
  @Min(1)
  @Max(10000)
  @Transform(({ value }) => Number(value))
  LOGIN_MAX_FAILURES_PER_ADDRESS = 50;

  /** The longest wait the sign-in throttle imposes (the wait doubles with each failure up to this). */
  @IsInt()
  @Min(1)
  @Max(1440)
  @Transform(({ value }) => Number(value))
  LOGIN_LOCK_MINUTES = 15;

  /**
   * The reverse proxies whose X-Forwarded-For is believed (Express's `trust proxy`): a hop count, or
   * addresses, CIDRs and loopback / linklocal / uniquelocal, comma-separated.
   */
  @ValidateBy({
    name: 'trustProxy',
    validator: {
      validate: isTrustProxy,
      defaultMessage: () =>
        'TRUST_PROXY must be a hop count or a comma-separated list of addresses, CIDRs, loopback, linklocal, uniquelocal',
    },
  })
  TRUST_PROXY = 'loopback';

  /** Origins allowed to call the API from a browser, comma-separated; empty means same origin only. */
  @IsString()
  CORS_ORIGINS = '';

  /** Aggregates a manufacturer sees must cover at least this many retailers, or they are suppressed. */
  @IsInt()
  @Min(1)
  @Max(1000)
  @Transform(({ value }) => Number(value))
  PARTNER_MIN_GROUP_SIZE = 5;

  /**
   * Most cells (brands × months × values of each other dimension grouped by) one partner query may cost;
   * a query estimated above it is refused before it runs (QUERY_TOO_EXPENSIVE).
   */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => Number(value))
  PARTNER_QUERY_BUDGET = 10_000;

  /** Most cells all the partner queries of one GraphQL request (its aliases) may cost together. */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => Number(value))
  PARTNER_REQUEST_BUDGET = 20_000;

  /** statement_timeout of a partner query's statements, in milliseconds (QUERY_TIMEOUT past it). */
  @IsInt()
  @Min(100)
  @Max(600_000)
  @Transform(({ value }) => Number(value))
  PARTNER_STATEMENT_TIMEOUT_MS = 10_000;

  @IsInt()
  @Min(1)
  @Transform(({ value }) => Number(value))
  RATE_LIMIT_PER_MINUTE = 1200;

  @IsInt()
  @Min(1)
  @Transform(({ value }) => Number(value))
  PARTNER_RATE_LIMIT_PER_MINUTE = 120;

  @IsInt()
  @Min(2)
  @Max(50)
  @Transform(({ value }) => Number(value))
  GRAPHQL_MAX_DEPTH = 8;

  @IsInt()
  @Min(10)
  @Transform(({ value }) => Number(value))
  GRAPHQL_MAX_COMPLEXITY = 5000;

  @IsInt()
  @Min(0)
  @Max(1000)
  @Transform(({ value }) => Number(value))
  GRAPHQL_MAX_ALIASES = 20;

  /** Cron pattern of the month-end forecast run (default 02:00 on the 1st). */
  @Matches(/^(\S+\s+){4}\S+$/, { message: 'FORECAST_SCHEDULE must be a five-field cron pattern' })
  FORECAST_SCHEDULE = '0 2 1 * *';

  @IsString()
  FORECAST_TIMEZONE = 'Asia/Shanghai';

  @IsBoolean()
  @Transform(toBoolean)
  FORECAST_SCHEDULE_ENABLED = true;

  /** Retailers per chunk of a forecast run. */
  @IsInt()
  @Min(1)
  @Max(100000)
  @Transform(({ value }) => Number(value))
  FORECAST_CHUNK_SIZE = 1000;

  /** How long a worker holds a job before another may take it over; short values only in crash tests. */
  @IsInt()
  @Min(500)
  @Transform(({ value }) => Number(value))
  QUEUE_LOCK_DURATION_MS = 30_000;

  @IsInt()
  @Min(500)
  @Transform(({ value }) => Number(value))
  QUEUE_STALLED_INTERVAL_MS = 30_000;
}

const OPTIONAL_VARIABLES = [
  'DATABASE_URL',
  'REDIS_URL',
  'WEB_DIST_DIR',
  'JWT_SECRET',
  'ADMIN_PASSWORD',
  'API_DOCS',
];

export class EnvironmentError extends Error {}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const known = new Set([...Object.keys(new Environment()), ...OPTIONAL_VARIABLES]);
  const relevant = Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => value !== '' && value !== undefined && known.has(key)),
  );
  const env = plainToInstance(Environment, relevant, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  if (env.NODE_ENV === 'production' && !env.DEMO_MODE && !env.JWT_SECRET) {
    errors.push(
      Object.assign(new ValidationError(), {
        property: 'JWT_SECRET',
        constraints: { required: 'JWT_SECRET must be set in production (or DEMO_MODE=true)' },
      }),
    );
  }
  if (errors.length > 0) {
    const lines = errors.map(
      (error) => `  ${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`,
    );
    throw new EnvironmentError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  env.API_DOCS ??= env.NODE_ENV !== 'production' || env.DEMO_MODE;
  return env;
}
