import { Injectable } from '@nestjs/common';
import { TransactionalAdapterTypeOrm, TransactionHost } from '@congocart/shared';
import { AddressBookRepository, AddressBookWrite } from '../application/address-book-repository.port';
import type { Address } from '../domain/address';
import type { AddressBookEntry } from '../domain/address-book';
import { queryRows } from './query-rows';

interface AddressRow {
  id: string;
  label: string | null;
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postal_code: string;
  country: string;
  is_default: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, label, name, line1, line2, city, region, postal_code, country, is_default, created_at, updated_at';
const NEWEST_FIRST = 'created_at DESC, id DESC';

function toEntry(row: AddressRow): AddressBookEntry {
  const address: Address = { name: row.name, line1: row.line1, city: row.city, postalCode: row.postal_code, country: row.country };
  if (row.line2 !== null) address.line2 = row.line2;
  if (row.region !== null) address.region = row.region;
  return {
    id: row.id,
    ...(row.label !== null ? { label: row.label } : {}),
    isDefault: row.is_default,
    address,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The address fields of a write, as statement parameters from $2 on. */
function values(entry: AddressBookWrite): unknown[] {
  const { address } = entry;
  return [
    entry.label ?? null,
    address.name,
    address.line1,
    address.line2 ?? null,
    address.city,
    address.region ?? null,
    address.postalCode,
    address.country,
  ];
}

@Injectable()
export class SqlAddressBookRepository extends AddressBookRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async list(userId: string): Promise<AddressBookEntry[]> {
    const rows = await queryRows<AddressRow>(
      this.txHost.tx,
      `SELECT ${COLUMNS} FROM addresses WHERE user_id = $1 ORDER BY is_default DESC, ${NEWEST_FIRST}`,
      [userId],
    );
    return rows.map(toEntry);
  }

  async find(userId: string, addressId: string): Promise<AddressBookEntry | null> {
    const rows = await queryRows<AddressRow>(this.txHost.tx, `SELECT ${COLUMNS} FROM addresses WHERE user_id = $1 AND id = $2`, [
      userId,
      addressId,
    ]);
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async insertIfRoom(userId: string, entry: AddressBookWrite, makeDefault: boolean, limit: number): Promise<AddressBookEntry | null> {
    const rows = await queryRows<AddressRow>(
      this.txHost.tx,
      `INSERT INTO addresses (user_id, label, name, line1, line2, city, region, postal_code, country, is_default)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10::boolean OR NOT EXISTS (SELECT 1 FROM addresses WHERE user_id = $1)
       WHERE (SELECT count(*) FROM addresses WHERE user_id = $1) < $11
       RETURNING ${COLUMNS}`,
      [userId, ...values(entry), makeDefault, limit],
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async update(userId: string, addressId: string, entry: AddressBookWrite): Promise<AddressBookEntry> {
    const rows = await queryRows<AddressRow>(
      this.txHost.tx,
      `UPDATE addresses
       SET label = $3, name = $4, line1 = $5, line2 = $6, city = $7, region = $8, postal_code = $9, country = $10, updated_at = now()
       WHERE user_id = $1 AND id = $2
       RETURNING ${COLUMNS}`,
      [userId, addressId, ...values(entry)],
    );
    return toEntry(rows[0]);
  }

  async clearDefault(userId: string): Promise<void> {
    await this.txHost.tx.query(`UPDATE addresses SET is_default = false, updated_at = now() WHERE user_id = $1 AND is_default`, [userId]);
  }

  async makeDefault(userId: string, addressId: string): Promise<void> {
    await this.txHost.tx.query(`UPDATE addresses SET is_default = true, updated_at = now() WHERE user_id = $1 AND id = $2`, [
      userId,
      addressId,
    ]);
  }

  async delete(userId: string, addressId: string): Promise<{ wasDefault: boolean } | null> {
    const rows = await queryRows<{ is_default: boolean }>(
      this.txHost.tx,
      `DELETE FROM addresses WHERE user_id = $1 AND id = $2 RETURNING is_default`,
      [userId, addressId],
    );
    return rows[0] ? { wasDefault: rows[0].is_default } : null;
  }

  async promoteNewest(userId: string): Promise<void> {
    await this.txHost.tx.query(
      `UPDATE addresses SET is_default = true, updated_at = now()
       WHERE id = (SELECT id FROM addresses WHERE user_id = $1 ORDER BY ${NEWEST_FIRST} LIMIT 1)`,
      [userId],
    );
  }
}
