import { Controller, Get, Header, Headers, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiProblems } from '../http/api-problems.decorator';
import { Public } from '../http/public.decorator';
import { PlatformConfig } from '../config/platform.config';
import { assertMayScrape } from './metrics-access';
import { JobQueue } from '../jobs/job-queue';
import { JobsConfig } from '../jobs/jobs.config';
import { Metrics } from './metrics';
import { ShutdownState } from './shutdown-state';

const INDICATORS = {
  type: 'object',
  additionalProperties: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['up', 'down'] } } },
  example: { database: { status: 'up' } },
};

/** Terminus's result of a passing check. */
const HEALTH_RESULT = {
  type: 'object',
  required: ['status', 'info', 'error', 'details'],
  properties: { status: { type: 'string', enum: ['ok'] }, info: INDICATORS, error: INDICATORS, details: INDICATORS },
};

@ApiTags('operations')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly metrics: Metrics,
    private readonly shutdown: ShutdownState,
    private readonly config: PlatformConfig,
    private readonly indicators: HealthIndicatorService,
    private readonly queue: JobQueue,
    private readonly jobs: JobsConfig,
  ) {}

  @Get('health/live')
  @ApiOperation({ operationId: 'healthLive', summary: 'Liveness: the process answers' })
  @ApiOkResponse({ description: 'Alive', schema: HEALTH_RESULT })
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  live() {
    return this.health.check([]);
  }

  @Get('health/ready')
  @ApiOperation({
    operationId: 'healthReady',
    summary: 'Readiness: the database answers (and the job queue, when this process runs the worker)',
  })
  @ApiOkResponse({ description: 'Ready', schema: HEALTH_RESULT })
  // Not ready is a problem (the filter answers it), not terminus's own JSON result: documented here, not by terminus.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiProblems(503)
  ready() {
    if (this.shutdown.draining) throw new ServiceUnavailableException('The instance is shutting down.');
    const database = () => this.database.pingCheck('database', { timeout: 2000 });
    // An embedded worker that cannot reach its queue runs no deliveries, e-mails or periodic tasks.
    return this.health.check(this.jobs.workerMode === 'embedded' ? [database, () => this.queueCheck()] : [database]);
  }

  private async queueCheck() {
    const indicator = this.indicators.check('queue');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 2000)));
    try {
      await Promise.race([this.queue.ping(), timeout]);
      return indicator.up();
    } catch {
      return indicator.down({ message: 'The job queue does not answer' });
    } finally {
      clearTimeout(timer);
    }
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({
    operationId: 'metrics',
    summary: 'Prometheus metrics (bearer METRICS_TOKEN when configured; off in production without one)',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition', schema: { type: 'string' } })
  @ApiProblems(401, 404)
  scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    assertMayScrape(this.config, authorization);
    return this.metrics.registry.metrics();
  }
}
