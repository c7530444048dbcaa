import { Public } from '../modules/identity/auth/access.decorators';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { QueueBackend } from '../queue/queue-backend';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly queues: QueueBackend,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'The database and the queue backend answer' })
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      async () => {
        const check = this.indicators.check('queue');
        try {
          await this.queues.ping();
          return check.up({ backend: this.queues.kind });
        } catch {
          return check.down({ backend: this.queues.kind });
        }
      },
    ]);
  }
}
