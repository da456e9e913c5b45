import type { Address } from '../domain/address';
import type { AddressBookEntry } from '../domain/address-book';

export interface AddressBookWrite {
  label?: string;
  address: Address;
}

/** The address book's rows. Callers lock the book first (UserAccountRepository.lockAddressBook). */
export abstract class AddressBookRepository {
  /** Default first, then newest first. */
  abstract list(userId: string): Promise<AddressBookEntry[]>;
  abstract find(userId: string, addressId: string): Promise<AddressBookEntry | null>;
  /**
   * Inserts the address when the book holds fewer than `limit` (one conditional statement); it
   * becomes the default when `makeDefault` or when the book was empty. Null when the book is full.
   */
  abstract insertIfRoom(userId: string, entry: AddressBookWrite, makeDefault: boolean, limit: number): Promise<AddressBookEntry | null>;
  abstract update(userId: string, addressId: string, entry: AddressBookWrite): Promise<AddressBookEntry>;
  /** Unsets the user's default address, if any (before another one becomes it). */
  abstract clearDefault(userId: string): Promise<void>;
  abstract makeDefault(userId: string, addressId: string): Promise<void>;
  /** Deletes the address; whether it was the default, or null when the user has no such address. */
  abstract delete(userId: string, addressId: string): Promise<{ wasDefault: boolean } | null>;
  /** Makes the newest remaining address the default (after the default was deleted). */
  abstract promoteNewest(userId: string): Promise<void>;
}
