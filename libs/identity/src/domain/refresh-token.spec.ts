import { judgeRefreshToken, revokesFamily } from './refresh-token';

const now = new Date('2026-11-24T10:00:00.000Z');
const later = new Date('2026-12-24T10:00:00.000Z');
const earlier = new Date('2026-11-01T10:00:00.000Z');

describe('refresh-token families', () => {
  it('honour an unused, unrevoked, unexpired token', () => {
    expect(judgeRefreshToken({ usedAt: null, revokedAt: null, expiresAt: later }, now)).toBe('valid');
  });

  it('treat a spent token as reuse, which revokes the whole family', () => {
    const verdict = judgeRefreshToken({ usedAt: earlier, revokedAt: null, expiresAt: later }, now);
    expect(verdict).toBe('reused');
    expect(revokesFamily(verdict)).toBe(true);
  });

  it('still see reuse once the family is revoked or the token expired', () => {
    expect(judgeRefreshToken({ usedAt: earlier, revokedAt: earlier, expiresAt: earlier }, now)).toBe('reused');
  });

  it('refuse revoked and expired tokens without revoking anything', () => {
    const revoked = judgeRefreshToken({ usedAt: null, revokedAt: earlier, expiresAt: later }, now);
    const expired = judgeRefreshToken({ usedAt: null, revokedAt: null, expiresAt: now }, now);
    expect([revoked, expired]).toEqual(['revoked', 'expired']);
    expect(revokesFamily(revoked) || revokesFamily(expired)).toBe(false);
  });
});
