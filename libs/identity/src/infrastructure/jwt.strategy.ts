import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { CurrentAccess } from '../application/current-access';
import { Actor, isRole } from '../domain/role';
import { IdentityConfig } from '../identity.config';
import { isUuid } from '@congocart/shared';

interface AccessClaims {
  sub?: unknown;
  role?: unknown;
  sid?: unknown;
}

/**
 * Verifies access tokens (HS256 pinned; exp, iss and aud checked), then asks CurrentAccess: a
 * disabled user's or a revoked session's token is refused, and the user's current role applies.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: IdentityConfig,
    private readonly access: CurrentAccess,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // jsonwebtoken accepts a KeyObject; passport-jwt's types predate that.
      secretOrKey: config.jwtKey as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      ignoreExpiration: false,
      jsonWebTokenOptions: { maxAge: `${config.accessTokenTtlSeconds + 60}s` },
    });
  }

  async validate(claims: AccessClaims): Promise<Actor | false> {
    if (typeof claims.sub !== 'string' || !isUuid(claims.sub) || !isRole(claims.role)) return false;
    if (typeof claims.sid !== 'string' || !isUuid(claims.sid)) return false;
    return (await this.access.actorFor(claims.sub, claims.sid)) ?? false;
  }
}
