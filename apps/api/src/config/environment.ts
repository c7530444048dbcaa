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
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

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

const OPTIONAL_VARIABLES = ['DATABASE_URL', 'REDIS_URL', 'WEB_DIST_DIR'];

export class EnvironmentError extends Error {}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const known = new Set([...Object.keys(new Environment()), ...OPTIONAL_VARIABLES]);
  const relevant = Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => value !== '' && value !== undefined && known.has(key)),
  );
  const env = plainToInstance(Environment, relevant, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (error) => `  ${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`,
    );
    throw new EnvironmentError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}
