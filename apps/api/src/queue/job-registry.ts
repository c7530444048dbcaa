import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Worker, WorkerOptions } from 'bullmq';
import { Environment } from '../config/environment';
import { QueueBackend } from './queue-backend';

export type JobHandler = (job: Job) => Promise<unknown>;

interface QueueDefinition {
  name: string;
  handlers: Map<string, JobHandler>;
  options: Omit<WorkerOptions, 'connection'>;
}

/**
 * Job handlers are registered here by the modules that own them, and checked when workers start: a job
 * name with no handler or two handlers stops the process instead of failing jobs at run time.
 */
@Injectable()
export class JobRegistry implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobRegistry.name);
  private readonly queues = new Map<string, QueueDefinition>();
  private readonly workers: Worker[] = [];
  private readonly readyListeners: Array<(queueNames: string[]) => void> = [];

  constructor(
    private readonly backend: QueueBackend,
    private readonly env: Environment,
  ) {}

  defineQueue(
    name: string,
    jobNames: readonly string[],
    options: Omit<WorkerOptions, 'connection'> = {},
  ): void {
    if (this.queues.has(name)) throw new Error(`Queue ${name} is defined twice`);
    this.queues.set(name, {
      name,
      handlers: new Map(jobNames.map((job) => [job, undefined as never])),
      options,
    });
  }

  register(queueName: string, jobName: string, handler: JobHandler): void {
    const queue = this.queues.get(queueName);
    if (!queue) throw new Error(`Queue ${queueName} is not defined`);
    if (!queue.handlers.has(jobName)) throw new Error(`Job ${queueName}/${jobName} is not declared`);
    if (queue.handlers.get(jobName)) throw new Error(`Job ${queueName}/${jobName} has two handlers`);
    queue.handlers.set(jobName, handler);
  }

  /** Queues are defined by modules as they initialise; `listener` runs once they all have. */
  onQueuesDefined(listener: (queueNames: string[]) => void): void {
    this.readyListeners.push(listener);
  }

  onApplicationBootstrap(): void {
    for (const listener of this.readyListeners) listener(this.queueNames());
  }

  queueNames(): string[] {
    return [...this.queues.keys()];
  }

  /** Starts one BullMQ worker per queue; throws if any declared job has no handler. */
  startWorkers(): void {
    for (const queue of this.queues.values()) {
      const missing = [...queue.handlers].filter(([, handler]) => !handler).map(([job]) => job);
      if (missing.length) throw new Error(`Queue ${queue.name} has no handler for: ${missing.join(', ')}`);
    }
    for (const queue of this.queues.values()) {
      const worker = this.backend.worker(
        queue.name,
        async (job) => {
          const handler = queue.handlers.get(job.name);
          if (!handler) throw new Error(`No handler for ${queue.name}/${job.name}`);
          return handler(job);
        },
        {
          lockDuration: this.env.QUEUE_LOCK_DURATION_MS,
          stalledInterval: this.env.QUEUE_STALLED_INTERVAL_MS,
          ...queue.options,
        },
      );
      this.workers.push(worker);
      this.logger.log(`Worker started for queue ${queue.name} on ${this.backend.kind}`);
    }
  }

  get running(): boolean {
    return this.workers.length > 0;
  }
}
