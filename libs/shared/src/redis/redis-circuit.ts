import type { Redis } from 'ioredis';

/** After a command failed on a ready connection (a hung Redis), Redis is skipped this long. */
const OPEN_MS = 5_000;
/** The client has lost its connection and is retrying (or gave up): nothing to wait for. */
const DOWN = new Set(['reconnecting', 'close', 'end']);

export class RedisUnavailableError extends Error {
  constructor() {
    super('Redis is not available (not connected, or failing recently)');
    this.name = 'RedisUnavailableError';
  }
}

/**
 * A small circuit breaker around one Redis client: while the client has lost its connection, or
 * for OPEN_MS after a command failed or timed out on a ready one (a hung Redis), commands are
 * refused at once instead of waiting. The client reconnects by itself; the first command after
 * the pause tries again.
 */
export class RedisCircuit {
  private openUntil = 0;

  constructor(private readonly client: Redis) {}

  get usable(): boolean {
    return !DOWN.has(this.client.status) && Date.now() >= this.openUntil;
  }

  async run<T>(command: () => Promise<T>): Promise<T> {
    if (!this.usable) throw new RedisUnavailableError();
    const wasReady = this.client.status === 'ready';
    try {
      return await command();
    } catch (error) {
      if (wasReady) this.openUntil = Date.now() + OPEN_MS;
      throw error;
    }
  }
}

const circuits = new WeakMap<Redis, RedisCircuit>();

/** The one breaker of this client (its users share what it has learnt). */
export function redisCircuit(client: Redis): RedisCircuit {
  let circuit = circuits.get(client);
  if (!circuit) circuits.set(client, (circuit = new RedisCircuit(client)));
  return circuit;
}
