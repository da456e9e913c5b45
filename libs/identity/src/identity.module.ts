import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RedisConnection } from '@congocart/shared';
import { AccountsConfig } from './accounts.config';
import { AccessGuard } from './api/access.guard';
import { AccountRecoveryController } from './api/account-recovery.controller';
import { AddressesController } from './api/addresses.controller';
import { MeAccountController } from './api/me-account.controller';
import { AdminUsersController } from './api/admin-users.controller';
import { AUTH_THROTTLER_STORAGE, AuthRateLimitGuard } from './api/auth-rate-limit.guard';
import { AuthController } from './api/auth.controller';
import { MeController } from './api/me.controller';
import { AccessChanges, AccessStateReader } from './application/access-state.port';
import { AccessTokens } from './application/access-tokens';
import { AccountDirectory } from './application/account-directory';
import { CurrentAccess } from './application/current-access';
import { AccountMailDispatch } from './application/account-mail-dispatch';
import { AccountProvisioning } from './application/account-provisioning';
import { AccountRequestLimiter } from './application/account-request-limiter.port';
import { AccountTokenRepository } from './application/account-token-repository.port';
import { AddressBook } from './application/address-book';
import { AddressBookRepository } from './application/address-book-repository.port';
import { ChangePassword } from './application/change-password.use-case';
import { ConfirmPasswordReset } from './application/confirm-password-reset.use-case';
import { CreateAddress } from './application/create-address.use-case';
import { DeleteAddress } from './application/delete-address.use-case';
import { EmailVerificationIssuer } from './application/email-verification-issuer';
import { EmailVerifiedHooks } from './application/email-verified-hooks';
import { GetAddress } from './application/get-address.use-case';
import { ListAddresses } from './application/list-addresses.use-case';
import { RequestPasswordReset } from './application/request-password-reset.use-case';
import { ResendVerificationEmail } from './application/resend-verification-email.use-case';
import { UpdateAddress } from './application/update-address.use-case';
import { UpdateProfile } from './application/update-profile.use-case';
import { UserAccountRepository } from './application/user-account-repository.port';
import { VerifyEmail } from './application/verify-email.use-case';
import { AdminBootstrap } from './application/admin-bootstrap';
import { GetCurrentUser } from './application/get-current-user.use-case';
import { ListUsers } from './application/list-users.use-case';
import { LoginFailureLimiter } from './application/login-failure-limiter.port';
import { PasswordHasher } from './application/password-hasher.port';
import { RefreshSession } from './application/refresh-session.use-case';
import { RefreshTokenRepository } from './application/refresh-token-repository.port';
import { RegisterUser } from './application/register-user.use-case';
import { SessionIssuer } from './application/session-issuer';
import { SignIn } from './application/sign-in.use-case';
import { SignOut } from './application/sign-out.use-case';
import { UpdateUserAccess } from './application/update-user-access.use-case';
import { UserRepository } from './application/user-repository.port';
import { IdentityConfig } from './identity.config';
import { Argon2PasswordHasher } from './infrastructure/argon2-password.hasher';
import { JwtStrategy } from './infrastructure/jwt.strategy';
import { PgAccessChanges } from './infrastructure/pg-access-changes';
import { SqlAccessStateReader } from './infrastructure/sql-access-state.reader';
import { SqlAddressBookRepository } from './infrastructure/sql-address-book.repository';
import { ThrottlerAccountRequestLimiter } from './infrastructure/throttler-account-request.limiter';
import { TypeOrmAccountTokenRepository } from './infrastructure/typeorm-account-token.repository';
import { TypeOrmUserAccountRepository } from './infrastructure/typeorm-user-account.repository';
import { RefreshTokenEntity } from './infrastructure/refresh-token.entity';
import { InMemoryLoginFailureLimiter } from './infrastructure/throttling/in-memory-login-failure.limiter';
import { RedisLoginFailureLimiter } from './infrastructure/throttling/redis-login-failure.limiter';
import { RedisThrottlerStorage } from './infrastructure/throttling/redis-throttler.storage';
import { TypeOrmRefreshTokenRepository } from './infrastructure/typeorm-refresh-token.repository';
import { TypeOrmUserRepository } from './infrastructure/typeorm-user.repository';
import { UserEntity } from './infrastructure/user.entity';

const MINUTE_MS = 60_000;

/** Profile, password, reset, verification and address book. */
const ACCOUNT_PROVIDERS = [
  { provide: AccountsConfig, useFactory: () => new AccountsConfig() },
  { provide: AccountTokenRepository, useClass: TypeOrmAccountTokenRepository },
  { provide: UserAccountRepository, useClass: TypeOrmUserAccountRepository },
  { provide: AddressBookRepository, useClass: SqlAddressBookRepository },
  {
    provide: AccountRequestLimiter,
    inject: [AUTH_THROTTLER_STORAGE],
    useFactory: (storage: ThrottlerStorage) => new ThrottlerAccountRequestLimiter(storage),
  },
  AccountMailDispatch,
  EmailVerificationIssuer,
  EmailVerifiedHooks,
  UpdateProfile,
  ChangePassword,
  RequestPasswordReset,
  ConfirmPasswordReset,
  ResendVerificationEmail,
  VerifyEmail,
  AddressBook,
  ListAddresses,
  GetAddress,
  CreateAddress,
  UpdateAddress,
  DeleteAddress,
];

@Module({
  imports: [PassportModule, JwtModule.register({}), TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity])],
  controllers: [AuthController, AccountRecoveryController, MeController, MeAccountController, AddressesController, AdminUsersController],
  providers: [
    { provide: IdentityConfig, useFactory: () => new IdentityConfig() },
    JwtStrategy,
    AccessTokens,
    CurrentAccess,
    { provide: AccessStateReader, useClass: SqlAccessStateReader },
    PgAccessChanges,
    { provide: AccessChanges, useExisting: PgAccessChanges },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: UserRepository, useClass: TypeOrmUserRepository },
    { provide: RefreshTokenRepository, useClass: TypeOrmRefreshTokenRepository },
    { provide: PasswordHasher, useClass: Argon2PasswordHasher },
    {
      provide: AUTH_THROTTLER_STORAGE,
      inject: [RedisConnection, IdentityConfig],
      useFactory: (redis: RedisConnection, config: IdentityConfig) =>
        redis.client ? new RedisThrottlerStorage(redis.client, config.rateLimitKeyPrefix) : new ThrottlerStorageService(),
    },
    {
      provide: LoginFailureLimiter,
      inject: [RedisConnection, IdentityConfig],
      useFactory: (redis: RedisConnection, config: IdentityConfig) =>
        redis.client
          ? new RedisLoginFailureLimiter(redis.client, config.rateLimitKeyPrefix, config.loginFailuresPerMinute, MINUTE_MS)
          : new InMemoryLoginFailureLimiter(config.loginFailuresPerMinute, MINUTE_MS),
    },
    AuthRateLimitGuard,
    SessionIssuer,
    RegisterUser,
    SignIn,
    RefreshSession,
    SignOut,
    GetCurrentUser,
    ListUsers,
    UpdateUserAccess,
    AccountProvisioning,
    AccountDirectory,
    AdminBootstrap,
    ...ACCOUNT_PROVIDERS,
  ],
  exports: [AccessTokens, IdentityConfig, AccountProvisioning, AccountDirectory, AddressBook, EmailVerifiedHooks],
})
export class IdentityModule {
  /** `accountMail` is a module that exports an AccountMailer (bound by the composition root). */
  static forRoot(options: { accountMail: Type<unknown> | DynamicModule }): DynamicModule {
    return { module: IdentityModule, imports: [options.accountMail] };
  }
}
