import { AccountTokenField } from './account-token.field';

export class VerifyEmailRequest {
  @AccountTokenField('The `token` of the verification link')
  token: string;
}
