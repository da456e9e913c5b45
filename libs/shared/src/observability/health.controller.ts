import { Controller, Get, Header, Headers, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiProblems } from '../http/api-problems.decorator';
import { Public } from '../http/public.decorator';
import { PlatformConfig } from '../config/platform.config';
import { assertMayScrape } from './metrics-access';
import { Metrics } from './metrics';
import { ShutdownState } from './shutdown-state';

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
  ) {}

  @Get('health/live')
  @ApiOperation({ operationId: 'healthLive', summary: 'Liveness: the process answers' })
  @ApiOkResponse({ description: 'Alive' })
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('health/ready')
  @ApiOperation({ operationId: 'healthReady', summary: 'Readiness: the database answers and the instance is not shutting down' })
  @ApiOkResponse({ description: 'Ready' })
  @ApiProblems(503)
  @HealthCheck()
  ready() {
    if (this.shutdown.draining) throw new ServiceUnavailableException('The instance is shutting down.');
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })]);
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
