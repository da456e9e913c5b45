import { ApiProperty } from '@nestjs/swagger';

export class CreatedGuestCartResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({
    example: 'q5bO1m3W0vXn2hP8yJk4tR6uZc9aLs7dEf0gHiJkLmN',
    description: 'Send as X-Cart-Token on every call for this cart. Shown only once; the server keeps only its hash.',
  })
  token: string;
}
