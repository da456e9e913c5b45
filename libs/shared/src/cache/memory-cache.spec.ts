import { MemoryCache } from './memory-cache';

describe('MemoryCache', () => {
  it('serves a loaded value until it expires', async () => {
    const cache = new MemoryCache(60_000, 10);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.getOrLoad('k', load)).toBe(1);
    expect(await cache.getOrLoad('k', load)).toBe(1);
    expect(loads).toBe(1);
  });

  it('shares one load between concurrent misses', async () => {
    const cache = new MemoryCache(60_000, 10);
    let loads = 0;
    const load = () => new Promise<number>((resolve) => setTimeout(() => resolve(++loads), 10));
    expect(await Promise.all([cache.getOrLoad('k', load), cache.getOrLoad('k', load)])).toEqual([1, 1]);
  });

  it('never stores a value loaded before an invalidation', async () => {
    const cache = new MemoryCache(60_000, 10);
    let release!: () => void;
    const slow = cache.getOrLoad('k', () => new Promise<string>((resolve) => (release = () => resolve('old'))));
    cache.invalidate();
    release();
    expect(await slow).toBe('old');
    expect(await cache.getOrLoad('k', async () => 'new')).toBe('new');
  });

  it('does not cache failures', async () => {
    const cache = new MemoryCache(60_000, 10);
    await expect(cache.getOrLoad('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.getOrLoad('k', async () => 'ok')).toBe('ok');
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const cache = new MemoryCache(60_000, 2);
    await cache.getOrLoad('a', async () => 'a1');
    await cache.getOrLoad('b', async () => 'b1');
    await cache.getOrLoad('c', async () => 'c1');
    expect(await cache.getOrLoad('a', async () => 'a2')).toBe('a2');
    expect(await cache.getOrLoad('c', async () => 'c2')).toBe('c1');
  });

  it('loads every time when the TTL is 0', async () => {
    const cache = new MemoryCache(0, 10);
    let loads = 0;
    await cache.getOrLoad('k', async () => ++loads);
    await cache.getOrLoad('k', async () => ++loads);
    expect(loads).toBe(2);
  });
});
