/**
 * Polls `probe` until it returns a value (not undefined/false): for effects of background work
 * (a delivery settling). No deadline of its own; the Jest timeout bounds it.
 */
export async function until<T>(probe: () => Promise<T | undefined | false>, pauseMs = 20): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
