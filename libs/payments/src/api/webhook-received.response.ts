import { ApiProperty } from '@nestjs/swagger';

export class WebhookReceivedResponse {
  @ApiProperty({ example: true })
  received: boolean;
}
