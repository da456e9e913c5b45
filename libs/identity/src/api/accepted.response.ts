import { ApiProperty } from '@nestjs/swagger';

/** The answer of a request whose e-mail (if any) goes out in the background. */
export class AcceptedResponse {
  @ApiProperty({ enum: ['accepted'], example: 'accepted' })
  status: 'accepted';

  @ApiProperty({ example: 'If an account uses this address, it will receive an e-mail shortly.' })
  message: string;

  static of(message: string): AcceptedResponse {
    return Object.assign(new AcceptedResponse(), { status: 'accepted', message });
  }
}
