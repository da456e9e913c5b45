/**
 * Polls `probe` until it returns a value (not undefined/false), or fails after `timeoutMs` with
 * `what`: for effects of background work, without fixed sleeps.
 */
export async function within<T>(timeoutMs: number, what: string, probe: () => Promise<T | undefined | false>, pauseMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
