import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/role';
import { IdentityConfig } from '../identity.config';
import { AccessState, AccessStateReader } from './access-state.port';

interface Cached {
  state: AccessState | null;
  expiresAt: number;
}

/** Bounds the cache whatever the number of signed-in users. */
const MAX_USERS = 50_000;

/**
 * The actor an access token stands for now: its user's current role, refused when the user is
 * disabled or gone or the token's session was revoked. Checked on every authenticated request,
 * through a short cache (ACCESS_CHECK_CACHE_TTL_MS) that access changes clear at once: locally
 * by forget(), on other instances through AccessChanges' notifications.
 */
@Injectable()
export class CurrentAccess {
  private readonly byUser = new Map<string, Map<string, Cached>>();
  /** Counts forget() calls: a read that overlapped one is not cached (even when the user had no entry to drop). */
  private epoch = 0;

  constructor(
    private readonly reader: AccessStateReader,
    private readonly config: IdentityConfig,
  ) {}

  async actorFor(userId: string, sessionId: string): Promise<Actor | null> {
    const state = await this.stateOf(userId, sessionId);
    if (!state || state.disabled || !state.sessionLive) return null;
    return { userId, role: state.role };
  }

  forget(userId: string): void {
    this.epoch += 1;
    this.byUser.delete(userId);
  }

  /** When notifications may have been missed (the listener reconnected). */
  forgetAll(): void {
    this.epoch += 1;
    this.byUser.clear();
  }

  private async stateOf(userId: string, sessionId: string): Promise<AccessState | null> {
    const ttl = this.config.accessCheckCacheTtlMs;
    const now = Date.now();
    const cached = this.byUser.get(userId)?.get(sessionId);
    if (cached && cached.expiresAt > now) return cached.state;
    const epoch = this.epoch;
    const state = await this.reader.read(userId, sessionId);
    if (ttl > 0 && this.epoch === epoch) {
      // Only when no forget() ran during the read: a stale answer must not outlive an access change.
      if (this.byUser.size >= MAX_USERS) this.byUser.clear();
      const entry = this.byUser.get(userId) ?? new Map<string, Cached>();
      entry.set(sessionId, { state, expiresAt: now + ttl });
      this.byUser.set(userId, entry);
    }
    return state;
  }
}
