import { Global, Module } from '@nestjs/common';
import { JobRegistry } from './job-registry';
import { QueueBackend } from './queue-backend';

@Global()
@Module({
  providers: [QueueBackend, JobRegistry],
  exports: [QueueBackend, JobRegistry],
})
export class QueueModule {}
