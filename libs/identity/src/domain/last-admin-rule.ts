import type { Role } from './role';

export interface AccessChange {
  role?: Role;
  disabled?: boolean;
}

interface Account {
  id: string;
  role: Role;
  disabled: boolean;
}

/** An active admin is an enabled user with the admin role. */
export function isActiveAdmin(account: Pick<Account, 'role' | 'disabled'>): boolean {
  return account.role === 'admin' && !account.disabled;
}

/**
 * True when applying the change would leave no active admin. `activeAdminIds` must be read
 * under a lock that stops concurrent changes from invalidating it.
 */
export function removesLastAdmin(target: Account, change: AccessChange, activeAdminIds: readonly string[]): boolean {
  const after = { role: change.role ?? target.role, disabled: change.disabled ?? target.disabled };
  if (!isActiveAdmin(target) || isActiveAdmin(after)) return false;
  return activeAdminIds.filter((id) => id !== target.id).length === 0;
}
