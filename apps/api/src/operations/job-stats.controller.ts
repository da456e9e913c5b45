import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@congocart/identity';
import { JobQueue } from '@congocart/shared';
import { JobStatsResponse } from './job-stats.response';

/** The job queue as operations sees it (the queue belongs to the kernel; access control to identity). */
@ApiTags('admin-jobs')
@Roles('admin')
@Controller('admin/jobs')
export class JobStatsController {
  constructor(private readonly queue: JobQueue) {}

  @Get('stats')
  @ApiOperation({
    summary: 'Job counts by queue and state',
    description: 'Every queue, with its jobs queued, active, failed (retry pending) and dead.',
  })
  @ApiOkResponse({ type: JobStatsResponse })
  async stats(): Promise<JobStatsResponse> {
    return JobStatsResponse.from(await this.queue.stats());
  }
}
