import { Body, Controller, Header, HttpCode, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@congocart/shared';
import { RefreshSession } from '../application/refresh-session.use-case';
import { RegisterUser } from '../application/register-user.use-case';
import { SignIn } from '../application/sign-in.use-case';
import { SignOut } from '../application/sign-out.use-case';
import { AuthRateLimitGuard } from './auth-rate-limit.guard';
import { RefreshSessionRequest } from './refresh-session.request';
import { RegisterUserRequest } from './register-user.request';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { SessionResponse } from './session.response';
import { SignInRequest } from './sign-in.request';
import { SignOutRequest } from './sign-out.request';

@ApiTags('auth')
@Public()
@UseGuards(AuthRateLimitGuard)
@UseInterceptors(RetryAfterInterceptor)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly registerUser: RegisterUser,
    private readonly signIn: SignIn,
    private readonly refreshSession: RefreshSession,
    private readonly signOut: SignOut,
  ) {}

  @Post('register')
  @Header('Location', '/api/v1/me')
  @ApiOperation({ summary: 'Create a customer account and sign it in' })
  @ApiCreatedResponse({
    type: SessionResponse,
    headers: { Location: { description: 'The new user: /api/v1/me', schema: { type: 'string' } } },
  })
  @ApiProblems(400, { 409: ['EMAIL_TAKEN'] }, 429)
  async register(@Body() body: RegisterUserRequest): Promise<SessionResponse> {
    return SessionResponse.from(await this.registerUser.execute(body));
  }

  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with e-mail and password',
    description:
      'Wrong password and unknown e-mail get the same 401 INVALID_CREDENTIALS. At most LOGIN_FAILURES_PER_MINUTE failures a minute per e-mail, then 429.',
  })
  @ApiOkResponse({ type: SessionResponse })
  @ApiProblems(400, { 401: ['INVALID_CREDENTIALS'], 403: ['ACCOUNT_DISABLED'] }, 429)
  async login(@Body() body: SignInRequest): Promise<SessionResponse> {
    return SessionResponse.from(await this.signIn.execute(body));
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new session',
    description: 'The refresh token is single use. Presenting a spent one revokes the whole session (401).',
  })
  @ApiOkResponse({ type: SessionResponse })
  @ApiProblems(400, { 401: ['INVALID_REFRESH_TOKEN'] }, 429)
  async refresh(@Body() body: RefreshSessionRequest): Promise<SessionResponse> {
    return SessionResponse.from(await this.refreshSession.execute(body.refreshToken));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of a refresh token', description: '204 also when the token is unknown or already revoked.' })
  @ApiNoContentResponse({ description: 'The session is over' })
  @ApiProblems(400, 429)
  async logout(@Body() body: SignOutRequest): Promise<void> {
    await this.signOut.execute(body.refreshToken);
  }
}
