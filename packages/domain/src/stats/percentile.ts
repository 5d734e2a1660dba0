/** Nearest-rank percentile: the smallest sample with at least p of all samples at or below it (NaN when empty). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

export type TSampleSummary = { count: number; min: number; p50: number; p95: number; max: number };

/** What the benchmarks report: medians and tails, never means (shared machines are noisy). */
export function summarizeSamples(samples: readonly number[]): TSampleSummary {
  return {
    count: samples.length,
    min: Math.min(...samples),
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    max: Math.max(...samples),
  };
}
