import type { Redis } from 'ioredis';

/** After a failed command, Redis is skipped this long before it is tried again. */
const OPEN_MS = 5_000;

export class RedisUnavailableError extends Error {
  constructor() {
    super('Redis is not available (not connected, or failing recently)');
    this.name = 'RedisUnavailableError';
  }
}

/**
 * A small circuit breaker around one Redis client: while the client is not ready, or for
 * OPEN_MS after a command failed or timed out (a hung Redis), commands are refused at once
 * instead of waiting. The client reconnects by itself; the first command after the pause tries again.
 */
export class RedisCircuit {
  private openUntil = 0;

  constructor(private readonly client: Redis) {}

  get usable(): boolean {
    return this.client.status === 'ready' && Date.now() >= this.openUntil;
  }

  async run<T>(command: () => Promise<T>): Promise<T> {
    if (!this.usable) throw new RedisUnavailableError();
    try {
      return await command();
    } catch (error) {
      this.openUntil = Date.now() + OPEN_MS;
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
