import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  createPostgresBackend,
  FlowProducer,
  Queue,
  QueueEvents,
  Worker,
  type ConnectionOptions,
  type Processor,
  type WorkerOptions,
} from 'bullmq';
import { Environment } from '../config/environment';
import { isPostgresShuttingDown } from '../stop-on-signal';

export type QueueBackendKind = 'redis' | 'postgres';

/**
 * `connectionName` labels our connections in Redis's CLIENT LIST (`<namespace>:app`), so an operator, or a
 * test, can count them; BullMQ renames its workers' connections after its own scheme.
 */
function redisConnection(url: string, namespace: string): ConnectionOptions {
  const parsed = new URL(url);
  return {
    connectionName: `${namespace}:app`,
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * The one place that knows which BullMQ backend runs: Redis when `REDIS_URL` is set (production), else
 * BullMQ's PostgreSQL backend on the application's database. Everything else asks this class for queues,
 * workers and flow producers. (@nestjs/bullmq cannot take a backend factory, hence our own provider.)
 */
@Injectable()
export class QueueBackend implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueBackend.name);
  readonly kind: QueueBackendKind;
  private readonly closables: Array<{ close(): Promise<void> }> = [];
  private readonly queues = new Map<string, Queue>();
  private producer: FlowProducer | null = null;

  constructor(private readonly env: Environment) {
    this.kind = env.REDIS_URL ? 'redis' : 'postgres';
  }

  /** Redis: key prefix; PostgreSQL: the schema that holds BullMQ's tables. */
  get namespace(): string {
    return this.env.QUEUE_PREFIX;
  }

  private get postgresConnection() {
    if (!this.env.DATABASE_URL) throw new Error('DATABASE_URL must be resolved before queues are created');
    return {
      connectionString: this.env.DATABASE_URL,
      schema: `bullmq_${this.namespace}`,
      migrate: true,
      max: 5,
    };
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue =
        this.kind === 'redis'
          ? new Queue(name, {
              connection: redisConnection(this.env.REDIS_URL!, this.namespace),
              prefix: this.namespace,
            })
          : (new Queue(
              name,
              { connection: this.postgresConnection },
              createPostgresBackend,
            ) as unknown as Queue);
      queue.on('error', (error) => this.logError('Queue', name, error));
      this.queues.set(name, queue);
      this.closables.push(queue);
    }
    return queue;
  }

  allQueues(): Queue[] {
    return [...this.queues.values()];
  }

  worker(name: string, processor: Processor, options: Omit<WorkerOptions, 'connection'> = {}): Worker {
    const worker =
      this.kind === 'redis'
        ? new Worker(name, processor, {
            ...options,
            connection: redisConnection(this.env.REDIS_URL!, this.namespace),
            prefix: this.namespace,
          })
        : (new Worker(
            name,
            processor,
            { ...options, connection: this.postgresConnection },
            createPostgresBackend,
          ) as unknown as Worker);
    worker.on('error', (error) => this.logError('Worker', name, error));
    this.closables.push(worker);
    return worker;
  }

  /** One producer per process, closed on shutdown: a producer per call would leave a connection each. */
  flowProducer(): FlowProducer {
    if (!this.producer) {
      this.producer =
        this.kind === 'redis'
          ? new FlowProducer({
              connection: redisConnection(this.env.REDIS_URL!, this.namespace),
              prefix: this.namespace,
            })
          : (new FlowProducer(
              { connection: this.postgresConnection },
              createPostgresBackend,
            ) as unknown as FlowProducer);
      this.closables.push(this.producer);
    }
    return this.producer;
  }

  queueEvents(name: string): QueueEvents {
    const events =
      this.kind === 'redis'
        ? new QueueEvents(name, {
            connection: redisConnection(this.env.REDIS_URL!, this.namespace),
            prefix: this.namespace,
          })
        : (new QueueEvents(
            name,
            { connection: this.postgresConnection },
            createPostgresBackend,
          ) as unknown as QueueEvents);
    this.closables.push(events);
    return events;
  }

  /** A database that is shutting down (Ctrl-C reaches the embedded one too) is expected, not an error. */
  private logError(source: 'Queue' | 'Worker', queue: string, error: unknown): void {
    if (isPostgresShuttingDown(error))
      this.logger.warn({ queue }, `${source}: the database closed its connection (it is shutting down)`);
    else this.logger.error({ err: error, queue }, `${source} error`);
  }

  /** Readiness: the backend answers a real round trip. */
  async ping(): Promise<void> {
    const queue = this.queue(HEALTH_QUEUE);
    await queue.getJobCounts('waiting');
  }

  async onApplicationShutdown(): Promise<void> {
    // Workers first so no job is picked up by a half-closed process.
    const ordered = [...this.closables].reverse();
    this.closables.length = 0;
    this.queues.clear();
    this.producer = null;
    await Promise.allSettled(ordered.map((closable) => closable.close()));
  }
}

export const HEALTH_QUEUE = 'health';
