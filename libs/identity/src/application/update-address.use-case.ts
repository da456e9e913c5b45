import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional } from '@congocart/shared';
import { addressFrom } from '../domain/address';
import type { AddressBookEntry } from '../domain/address-book';
import { DefaultAddressRequiredError } from '../domain/accounts.errors';
import type { Actor } from '../domain/role';
import { AddressBookRepository } from './address-book-repository.port';
import { UserAccountRepository } from './user-account-repository.port';

/** A partial change: absent fields stay; `null` (or blank) clears an optional one. */
export interface UpdateAddressCommand {
  label?: string | null;
  isDefault?: boolean;
  address: Record<string, unknown>;
}

/** Changes an address of the caller's book; `isDefault: true` moves the default to it. */
@Injectable()
export class UpdateAddress {
  constructor(
    private readonly accounts: UserAccountRepository,
    private readonly addresses: AddressBookRepository,
  ) {}

  @Transactional()
  async execute(actor: Actor, addressId: string, command: UpdateAddressCommand): Promise<AddressBookEntry> {
    if (!(await this.accounts.lockAddressBook(actor.userId))) throw new NotFoundError('Address');
    const existing = await this.addresses.find(actor.userId, addressId);
    if (!existing) throw new NotFoundError('Address');
    if (command.isDefault === false && existing.isDefault) throw new DefaultAddressRequiredError();
    const changes = Object.fromEntries(Object.entries(command.address).filter(([, value]) => value !== undefined));
    const address = addressFrom({ ...existing.address, ...changes });
    const label = command.label === undefined ? existing.label : command.label || undefined;
    if (command.isDefault === true && !existing.isDefault) {
      await this.addresses.clearDefault(actor.userId);
      await this.addresses.makeDefault(actor.userId, addressId);
    }
    return this.addresses.update(actor.userId, addressId, { label, address });
  }
}
