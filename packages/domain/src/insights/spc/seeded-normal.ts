/**
 * Reproducible normal noise for tests and simulations: mulberry32 (a tiny 32-bit PRNG) feeding
 * Box–Muller. Detector tests need the same "random" series on every run so a bound is either met or not.
 */
export function createSeededNormal(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return () => {
    // 1 − u keeps the logarithm's argument in (0, 1].
    const u1 = 1 - uniform();
    const u2 = uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
}

/** `count` points one minute apart, mean + σ·noise + shape(i) (a drift or step the test adds). */
export function seededSeries(
  seed: number,
  count: number,
  options: { mean: number; sigma: number; shape?: (index: number) => number; startT?: number },
): { t: number; value: number }[] {
  const normal = createSeededNormal(seed);
  const startT = options.startT ?? Date.UTC(2026, 0, 5, 6);
  return Array.from({ length: count }, (_, i) => ({
    t: startT + i * 60_000,
    value: options.mean + options.sigma * normal() + (options.shape?.(i) ?? 0) * options.sigma,
  }));
}
