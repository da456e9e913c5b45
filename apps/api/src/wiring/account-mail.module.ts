import { Module } from '@nestjs/common';
import { AccountMailer } from '@congocart/identity';
import { NotificationsModule } from '@congocart/notifications';
import { NotificationsAccountMailer } from './notifications-account-mailer';

/** Binds identity's AccountMailer port to the notifications context; neither context imports the other. */
@Module({
  imports: [NotificationsModule],
  providers: [{ provide: AccountMailer, useClass: NotificationsAccountMailer }],
  exports: [AccountMailer],
})
export class AccountMailModule {}
