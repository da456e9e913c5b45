import { Body, Controller, HttpCode, Ip, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@congocart/shared';
import { ConfirmPasswordReset } from '../application/confirm-password-reset.use-case';
import { RequestPasswordReset } from '../application/request-password-reset.use-case';
import { VerifyEmail } from '../application/verify-email.use-case';
import { AcceptedResponse } from './accepted.response';
import { AuthRateLimitGuard } from './auth-rate-limit.guard';
import { ConfirmPasswordResetRequest } from './confirm-password-reset.request';
import { RequestPasswordResetRequest } from './request-password-reset.request';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { VerifyEmailRequest } from './verify-email.request';

/** The e-mailed links: password reset and e-mail verification (no sign-in needed). */
@ApiTags('auth')
@Public()
@UseGuards(AuthRateLimitGuard)
@UseInterceptors(RetryAfterInterceptor)
@Controller('auth')
export class AccountRecoveryController {
  constructor(
    private readonly requestReset: RequestPasswordReset,
    private readonly confirmReset: ConfirmPasswordReset,
    private readonly verifyEmail: VerifyEmail,
  ) {}

  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'E-mail a password reset link',
    description:
      'Always 202 with the same body, whether or not an account uses the address (only an enabled account is sent ' +
      '`<STOREFRONT_URL>/reset-password?token=…`, valid PASSWORD_RESET_TTL_SECONDS). At most 5 requests an hour per address ' +
      '(known or not) and PASSWORD_RESET_REQUESTS_PER_HOUR_PER_IP per client IP, then 429 with Retry-After.',
  })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  @ApiProblems(400, 429)
  async passwordReset(@Body() body: RequestPasswordResetRequest, @Ip() clientIp: string): Promise<AcceptedResponse> {
    await this.requestReset.execute({ email: body.email, clientIp });
    return AcceptedResponse.of('If an account uses this address, it will receive an e-mail shortly.');
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with the token of a reset link',
    description: 'Every session (refresh token) of the user is revoked. A used, expired or unknown token → 400 INVALID_TOKEN.',
  })
  @ApiNoContentResponse({ description: 'The password is set' })
  @ApiProblems(400, 429)
  async confirmPasswordReset(@Body() body: ConfirmPasswordResetRequest): Promise<void> {
    await this.confirmReset.execute(body);
  }

  @Post('verify-email')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Verify the e-mail address with the token of a verification link',
    description: 'The user’s `emailVerified` becomes true. A used, expired or unknown token → 400 INVALID_TOKEN.',
  })
  @ApiNoContentResponse({ description: 'The address is verified' })
  @ApiProblems(400, 429)
  async verify(@Body() body: VerifyEmailRequest): Promise<void> {
    await this.verifyEmail.execute(body.token);
  }
}
