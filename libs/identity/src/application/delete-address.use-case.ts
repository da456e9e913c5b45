import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional } from '@congocart/shared';
import type { Actor } from '../domain/role';
import { AddressBookRepository } from './address-book-repository.port';
import { UserAccountRepository } from './user-account-repository.port';

/** Deletes an address of the caller's book; deleting the default passes it to the newest remaining one. */
@Injectable()
export class DeleteAddress {
  constructor(
    private readonly accounts: UserAccountRepository,
    private readonly addresses: AddressBookRepository,
  ) {}

  @Transactional()
  async execute(actor: Actor, addressId: string): Promise<void> {
    if (!(await this.accounts.lockAddressBook(actor.userId))) throw new NotFoundError('Address');
    const deleted = await this.addresses.delete(actor.userId, addressId);
    if (!deleted) throw new NotFoundError('Address');
    if (deleted.wasDefault) await this.addresses.promoteNewest(actor.userId);
  }
}
