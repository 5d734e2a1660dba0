/**
 * Seeded pseudo-random numbers for the simulator: the same seed gives the same plant history,
 * which keeps demos, tests and screenshots reproducible. Not for anything security related.
 */
export type Random = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Uniform in [min, max). */
  between: (min: number, max: number) => number;
  /** Integer uniform in [min, max]. */
  integer: (min: number, max: number) => number;
  /** Exponentially distributed with the given mean (waiting times of a Poisson process). */
  exponential: (mean: number) => number;
  /** Normally distributed (Box–Muller). */
  normal: (mean: number, standardDeviation: number) => number;
  /** True with probability `probability`. */
  chance: (probability: number) => boolean;
  /** One item, chosen with probability proportional to its weight. */
  weighted: <T>(items: ReadonlyArray<{ value: T; weight: number }>) => T;
};

/** mulberry32: 32-bit state, fast, good enough statistical quality for simulation. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const random: Random = {
    next,
    between: (min, max) => min + (max - min) * next(),
    integer: (min, max) => min + Math.floor((max - min + 1) * next()),
    exponential: (mean) => -mean * Math.log(1 - next()),
    normal: (mean, standardDeviation) => {
      // 1 - next() is in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      return mean + standardDeviation * radius * Math.cos(2 * Math.PI * next());
    },
    chance: (probability) => next() < probability,
    weighted: (items) => {
      const total = items.reduce((sum, item) => sum + Math.max(0, item.weight), 0);
      let pick = next() * total;
      for (const item of items) {
        pick -= Math.max(0, item.weight);
        if (pick < 0) return item.value;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error("weighted() needs at least one item");
      return last.value;
    },
  };
  return random;
}

/** A 32-bit seed from a string (FNV-1a), so each work center gets its own stable stream. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
