import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@congocart/shared';
import { GetCurrentUser } from '../application/get-current-user.use-case';
import type { Actor } from '../domain/role';
import { CurrentActor, SignedIn } from './auth.decorators';
import { UserResponse } from './user.response';

@ApiTags('me')
@SignedIn()
@Controller('me')
export class MeController {
  constructor(private readonly getCurrentUser: GetCurrentUser) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(404)
  async show(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return UserResponse.from(await this.getCurrentUser.execute(actor));
  }
}
