import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiProblems } from '@congocart/shared';
import type { Actor, Role } from '../domain/role';

export const REQUIRED_ROLES = 'congocart:roles';

/** Restricts a route (or controller) to the given roles; also documents bearer auth, 401 and 403. */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiBearerAuth('bearer'), ApiProblems(401, 403));
}

/** Any signed-in user; documents bearer auth and 401. */
export function SignedIn(): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiBearerAuth('bearer'), ApiProblems(401));
}

/** The authenticated caller (use cases check ownership with it). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ user: Actor }>().user;
});
