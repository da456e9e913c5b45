import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional } from '@congocart/shared';
import { addressFrom } from '../domain/address';
import { ADDRESS_BOOK_LIMIT, AddressBookEntry } from '../domain/address-book';
import { AddressLimitError } from '../domain/accounts.errors';
import type { Actor } from '../domain/role';
import { AddressBookRepository } from './address-book-repository.port';
import { UserAccountRepository } from './user-account-repository.port';

export interface CreateAddressCommand {
  label?: string;
  isDefault?: boolean;
  address: Record<string, unknown>;
}

/**
 * Adds an address to the caller's book. The book is locked and the insert is conditional on
 * its size, so parallel requests cannot take it past ADDRESS_BOOK_LIMIT.
 */
@Injectable()
export class CreateAddress {
  constructor(
    private readonly accounts: UserAccountRepository,
    private readonly addresses: AddressBookRepository,
  ) {}

  @Transactional()
  async execute(actor: Actor, command: CreateAddressCommand): Promise<AddressBookEntry> {
    const address = addressFrom(command.address);
    if (!(await this.accounts.lockAddressBook(actor.userId))) throw new NotFoundError('User');
    if (command.isDefault) await this.addresses.clearDefault(actor.userId);
    const entry = await this.addresses.insertIfRoom(
      actor.userId,
      { label: command.label || undefined, address },
      command.isDefault === true,
      ADDRESS_BOOK_LIMIT,
    );
    // Throwing rolls back the cleared default too.
    if (!entry) throw new AddressLimitError(ADDRESS_BOOK_LIMIT);
    return entry;
  }
}
