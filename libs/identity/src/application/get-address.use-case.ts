import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@congocart/shared';
import type { AddressBookEntry } from '../domain/address-book';
import type { Actor } from '../domain/role';
import { AddressBookRepository } from './address-book-repository.port';

/** One address of the caller's book; another user's is 404 like an unknown one. */
@Injectable()
export class GetAddress {
  constructor(private readonly addresses: AddressBookRepository) {}

  async execute(actor: Actor, addressId: string): Promise<AddressBookEntry> {
    const entry = await this.addresses.find(actor.userId, addressId);
    if (!entry) throw new NotFoundError('Address');
    return entry;
  }
}
