import { Injectable } from '@nestjs/common';
import type { AddressBookEntry } from '../domain/address-book';
import type { Actor } from '../domain/role';
import { AddressBookRepository } from './address-book-repository.port';

/** The signed-in user's address book: the default first, then newest first (at most 20, not paged). */
@Injectable()
export class ListAddresses {
  constructor(private readonly addresses: AddressBookRepository) {}

  execute(actor: Actor): Promise<AddressBookEntry[]> {
    return this.addresses.list(actor.userId);
  }
}
