import { ApiProperty } from '@nestjs/swagger';
import type { Session } from '../application/session';
import { UserResponse } from './user.response';

export class SessionResponse {
  @ApiProperty({ type: UserResponse })
  user: UserResponse;

  @ApiProperty({
    description: 'Access JWT (HS256); send it as `Authorization: Bearer <accessToken>`',
    example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiY3VzdG9tZXIifQ.c2lnbmF0dXJl',
  })
  accessToken: string;

  @ApiProperty({
    description: 'Opaque refresh token (single use: each refresh returns a new one; reusing a spent one ends the session)',
    example: 'mJ3f1vB4mX2c8KkQf7n9dP0wYt6sLr5aHq1zEo2uVgI',
  })
  refreshToken: string;

  @ApiProperty({ type: 'integer', description: 'Lifetime of the access token in seconds', example: 900 })
  expiresIn: number;

  static from(session: Session): SessionResponse {
    return Object.assign(new SessionResponse(), {
      user: UserResponse.from(session.user),
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      expiresIn: session.expiresIn,
    });
  }
}
