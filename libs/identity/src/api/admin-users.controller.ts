import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, DEFAULT_PAGE_LIMIT, Page, PageOf, UuidParam } from '@congocart/shared';
import { ListUsers } from '../application/list-users.use-case';
import { UpdateUserAccess } from '../application/update-user-access.use-case';
import { Roles } from './auth.decorators';
import { ListUsersRequest } from './list-users.request';
import { UpdateUserAccessRequest } from './update-user-access.request';
import { UserResponse } from './user.response';

@ApiTags('admin-users')
@Roles('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(
    private readonly listUsers: ListUsers,
    private readonly updateUserAccess: UpdateUserAccess,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List users, newest first', description: '`email` filters by prefix (case-insensitive), `role` by role.' })
  @ApiOkResponse({ type: PageOf(UserResponse) })
  @ApiProblems(400)
  async list(@Query() query: ListUsersRequest): Promise<Page<UserResponse>> {
    const page = await this.listUsers.execute({
      email: query.email,
      role: query.role,
      cursor: query.cursor,
      limit: query.limit ?? DEFAULT_PAGE_LIMIT,
    });
    return { data: page.data.map((user) => UserResponse.from(user)), page: page.page };
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a user’s role or disabled flag',
    description:
      'A role change applies from the user’s next sign-in or refresh. Disabling revokes the user’s refresh tokens. The last active admin cannot be demoted or disabled (409 LAST_ADMIN).',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 404, 409)
  async update(@UuidParam('id', 'User') id: string, @Body() body: UpdateUserAccessRequest): Promise<UserResponse> {
    return UserResponse.from(await this.updateUserAccess.execute(id, { role: body.role, disabled: body.disabled }));
  }
}
