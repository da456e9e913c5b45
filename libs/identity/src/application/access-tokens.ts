import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Actor } from '../domain/role';
import { IdentityConfig } from '../identity.config';

export interface IssuedAccessToken {
  accessToken: string;
  expiresIn: number;
}

/**
 * Signs short-lived access JWTs: HS256, claims sub, role, sid (the session: its refresh-token
 * family, so that signing out ends the access token too), iat, exp, iss, aud, jti.
 */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: IdentityConfig,
  ) {}

  issue(actor: Actor, sessionId: string): IssuedAccessToken {
    const accessToken = this.jwt.sign(
      { role: actor.role, sid: sessionId },
      {
        subject: actor.userId,
        algorithm: 'HS256',
        privateKey: this.config.jwtKey,
        issuer: this.config.jwtIssuer,
        audience: this.config.jwtAudience,
        expiresIn: this.config.accessTokenTtlSeconds,
        jwtid: randomUUID(),
      },
    );
    return { accessToken, expiresIn: this.config.accessTokenTtlSeconds };
  }
}
