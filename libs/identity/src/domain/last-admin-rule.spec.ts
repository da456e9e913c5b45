import { removesLastAdmin } from './last-admin-rule';

const admin = { id: 'a', role: 'admin' as const, disabled: false };

describe('the last-admin rule', () => {
  it('forbids demoting or disabling the only active admin', () => {
    expect(removesLastAdmin(admin, { role: 'staff' }, ['a'])).toBe(true);
    expect(removesLastAdmin(admin, { disabled: true }, ['a'])).toBe(true);
  });

  it('allows it while another active admin remains', () => {
    expect(removesLastAdmin(admin, { role: 'customer' }, ['a', 'b'])).toBe(false);
    expect(removesLastAdmin(admin, { disabled: true }, ['b', 'a'])).toBe(false);
  });

  it('ignores changes that keep the admin active', () => {
    expect(removesLastAdmin(admin, { role: 'admin', disabled: false }, ['a'])).toBe(false);
    expect(removesLastAdmin(admin, {}, ['a'])).toBe(false);
  });

  it('ignores changes to users who are not active admins', () => {
    expect(removesLastAdmin({ id: 'c', role: 'customer', disabled: false }, { disabled: true }, ['a'])).toBe(false);
    expect(removesLastAdmin({ id: 'd', role: 'admin', disabled: true }, { role: 'staff' }, ['a'])).toBe(false);
  });
});
