import type { Address } from './address';

/** How many addresses one account may keep. */
export const ADDRESS_BOOK_LIMIT = 20;
export const ADDRESS_LABEL_MAX_LENGTH = 50;

/** An address of a user's address book: the postal address plus its id, label and default flag. */
export interface AddressBookEntry {
  id: string;
  label?: string;
  isDefault: boolean;
  address: Address;
  createdAt: Date;
  updatedAt: Date;
}
