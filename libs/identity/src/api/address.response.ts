import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AddressBookEntry } from '../domain/address-book';
import { COUNTRY_CODES } from '@congocart/shared/kernel';

/** An address of the address book: the Address fields plus id, label and the default flag. */
export class AddressResponse {
  @ApiProperty({ format: 'uuid', example: '5d0f3c52-6f1e-4d4b-9a4e-2f0f5b1f7c22' })
  id: string;

  @ApiPropertyOptional({ example: 'Home' })
  label?: string;

  @ApiProperty({ description: 'Exactly one address of a non-empty book is the default', example: true })
  isDefault: boolean;

  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;

  @ApiProperty({ example: '12 St James’s Square' })
  line1: string;

  @ApiPropertyOptional({ example: 'Flat 3' })
  line2?: string;

  @ApiProperty({ example: 'London' })
  city: string;

  @ApiPropertyOptional({ example: 'Greater London' })
  region?: string;

  @ApiProperty({ example: 'SW1Y 4JH' })
  postalCode: string;

  @ApiProperty({ enum: COUNTRY_CODES, enumName: 'CountryCode', example: 'GB' })
  country: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-24T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-24T10:00:00.000Z' })
  updatedAt: string;

  static from(entry: AddressBookEntry): AddressResponse {
    const { address } = entry;
    return Object.assign(new AddressResponse(), {
      id: entry.id,
      ...(entry.label !== undefined ? { label: entry.label } : {}),
      isDefault: entry.isDefault,
      name: address.name,
      line1: address.line1,
      ...(address.line2 !== undefined ? { line2: address.line2 } : {}),
      city: address.city,
      ...(address.region !== undefined ? { region: address.region } : {}),
      postalCode: address.postalCode,
      country: address.country,
      createdAt: entry.createdAt.toISOString(),
      updatedAt: entry.updatedAt.toISOString(),
    });
  }
}

export class AddressListResponse {
  @ApiProperty({ type: [AddressResponse], maxItems: 20, description: 'The default first, then newest first; not paged (at most 20)' })
  data: AddressResponse[];
}
