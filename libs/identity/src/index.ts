// The identity context's public surface.
export { IdentityModule } from './identity.module';
export { IdentityConfig } from './identity.config';
export { AccessTokens } from './application/access-tokens';
export { AccountDirectory } from './application/account-directory';
export { AccountProvisioning } from './application/account-provisioning';
export type { AccountSpec } from './application/account-provisioning';
export { Roles, SignedIn, CurrentActor } from './api/auth.decorators';
export { ROLES, isRole } from './domain/role';
export type { Actor, Role } from './domain/role';
export type { User } from './domain/user';
export { AccountMailer } from './application/account-mailer.port';
export type { AccountMail } from './application/account-mailer.port';
export { AddressBook } from './application/address-book';
export { EmailVerifiedHooks, EmailVerifiedListener } from './application/email-verified-hooks';
export type { EmailVerifiedEvent } from './application/email-verified-hooks';
export type { Address } from './domain/address';
