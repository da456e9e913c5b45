import { Injectable } from '@nestjs/common';
import type { Address } from '../domain/address';
import { AddressBookRepository } from './address-book-repository.port';

/** What other contexts may read of an address book (checkout: `shippingAddressId`). */
@Injectable()
export class AddressBook {
  constructor(private readonly addresses: AddressBookRepository) {}

  /** The user's own address with this id, or null (unknown, or another user's). */
  async findOwn(userId: string, addressId: string): Promise<Address | null> {
    return (await this.addresses.find(userId, addressId))?.address ?? null;
  }
}
