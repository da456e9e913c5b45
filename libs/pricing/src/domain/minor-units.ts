/**
 * Integer arithmetic on minor units. Sums stay far below 2^53 (100 lines × 99 units × the largest
 * price the API accepts, 10^10, is under 10^14), but a product with a rate in basis points does
 * not, so products and divisions go through BigInt.
 */

/** round(value × numerator / denominator), halves rounded up (away from zero for these non-negative amounts). */
export function mulDivHalfUp(value: number, numerator: number, denominator: number): number {
  const product = BigInt(value) * BigInt(numerator);
  const divisor = BigInt(denominator);
  return Number((product * 2n + divisor) / (divisor * 2n));
}

/**
 * Splits `amount` over `weights` in proportion, each share rounded half-up; what rounding left
 * over goes to the largest weights first (what it took too much comes off the smallest first),
 * never a share above its weight nor below zero.
 * Assumes 0 ≤ amount ≤ Σ weights.
 */
export function allocate(amount: number, weights: number[]): number[] {
  const base = weights.reduce((sum, weight) => sum + weight, 0);
  if (base === 0 || amount === 0) return weights.map(() => 0);
  const shares = weights.map((weight) => Math.min(weight, mulDivHalfUp(amount, weight, base)));
  let rest = amount - shares.reduce((sum, share) => sum + share, 0);
  const bySize = weights.map((_, index) => index).sort((a, b) => weights[b] - weights[a] || a - b);
  for (const index of rest > 0 ? bySize : bySize.reverse()) {
    if (rest === 0) break;
    const change = rest > 0 ? Math.min(rest, weights[index] - shares[index]) : Math.max(rest, -shares[index]);
    shares[index] += change;
    rest -= change;
  }
  return shares;
}
