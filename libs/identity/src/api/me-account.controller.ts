import { Body, Controller, HttpCode, Patch, Post, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@congocart/shared';
import { ChangePassword } from '../application/change-password.use-case';
import { ResendVerificationEmail } from '../application/resend-verification-email.use-case';
import { UpdateProfile } from '../application/update-profile.use-case';
import type { Actor } from '../domain/role';
import { AcceptedResponse } from './accepted.response';
import { CurrentActor, SignedIn } from './auth.decorators';
import { ChangePasswordRequest } from './change-password.request';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { UpdateProfileRequest } from './update-profile.request';
import { UserResponse } from './user.response';

/** The signed-in user's own account settings (GET /me stays in MeController). */
@ApiTags('me')
@SignedIn()
@UseInterceptors(RetryAfterInterceptor)
@Controller('me')
export class MeAccountController {
  constructor(
    private readonly updateProfile: UpdateProfile,
    private readonly changePassword: ChangePassword,
    private readonly resendVerification: ResendVerificationEmail,
  ) {}

  @Patch()
  @ApiOperation({ summary: 'Change the signed-in user’s profile', description: 'Partial: only the fields sent change. Answers the User.' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 404)
  async update(@CurrentActor() actor: Actor, @Body() body: UpdateProfileRequest): Promise<UserResponse> {
    return UserResponse.from(await this.updateProfile.execute(actor, { name: body.name }));
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change the password',
    description:
      'A wrong `currentPassword` → 403 INVALID_CREDENTIALS. Success revokes every refresh token of the user (the caller’s session included: ' +
      'its access token works until it expires). At most 10 attempts an hour, then 429.',
  })
  @ApiNoContentResponse({ description: 'The password is changed' })
  @ApiProblems(400, 403, 429)
  async password(@CurrentActor() actor: Actor, @Body() body: ChangePasswordRequest): Promise<void> {
    await this.changePassword.execute(actor, body);
  }

  @Post('verification-email')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a new verification e-mail',
    description: 'Nothing is sent when the address is already verified. At most 5 an hour, then 429.',
  })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  @ApiProblems(404, 429)
  async verificationEmail(@CurrentActor() actor: Actor): Promise<AcceptedResponse> {
    await this.resendVerification.execute(actor);
    return AcceptedResponse.of('A verification e-mail will be sent shortly unless the address is already verified.');
  }
}
