import { ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC } from '@congocart/shared';
import type { Actor, Role } from '../domain/role';
import { REQUIRED_ROLES } from './auth.decorators';

/** Global guard: every route needs a valid access token unless @Public(); @Roles() narrows it. */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (roles?.length && (!actor || !roles.includes(actor.role))) throw new ForbiddenException('Your role does not allow this.');
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    // A bad token arrives as "no user"; an error is the access check failing (e.g. the database is
    // down): it keeps its own answer (503), never a 401 that tells clients to sign in again.
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- passport hands over what the strategy threw, as it was
    if (error) throw error;
    if (!user) throw new UnauthorizedException('A valid access token is required.');
    return user;
  }
}
