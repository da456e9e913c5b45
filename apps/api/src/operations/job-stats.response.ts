import { ApiProperty } from '@nestjs/swagger';
import type { QueueStats } from '@congocart/shared';

export class QueueStatsResponse {
  @ApiProperty({ example: 'event.webhooks' })
  name: string;
  @ApiProperty({ type: 'integer', description: 'Waiting for their first run' })
  queued: number;
  @ApiProperty({ type: 'integer', description: 'Running now' })
  active: number;
  @ApiProperty({ type: 'integer', description: 'Failed, with a retry to come' })
  failed: number;
  @ApiProperty({ type: 'integer', description: 'Out of retries' })
  dead: number;
}

export class JobStatsResponse {
  @ApiProperty({ type: [QueueStatsResponse] })
  queues: QueueStatsResponse[];

  static from(stats: QueueStats[]): JobStatsResponse {
    return { queues: stats.map(({ name, queued, active, failed, dead }) => ({ name, queued, active, failed, dead })) };
  }
}
