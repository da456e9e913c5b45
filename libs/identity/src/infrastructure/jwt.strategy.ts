import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Actor, isRole } from '../domain/role';
import { IdentityConfig } from '../identity.config';
import { isUuid } from '@congocart/shared';

interface AccessClaims {
  sub?: unknown;
  role?: unknown;
}

/** Verifies access tokens: algorithm pinned to HS256, exp, iss and aud checked. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(config: IdentityConfig) {
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

  validate(claims: AccessClaims): Actor | false {
    if (typeof claims.sub !== 'string' || !isUuid(claims.sub) || !isRole(claims.role)) return false;
    return { userId: claims.sub, role: claims.role };
  }
}
