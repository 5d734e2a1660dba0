import { summarizeSamples } from "@gemba/domain/stats/percentile";

export type Timing = {
  name: string;
  samples: number[];
  targetMs: number | null;
  /** What the last call returned, in a few words. */
  detail: string;
};

export type TimingSummary = { min: number; p50: number; p95: number; max: number };

/**
 * Times `call` `runs` times, one after another, after `warmup` untimed calls (connection pool,
 * prepared plans, Postgres buffer cache). Sequential on purpose: this is the latency one
 * dashboard sees, not throughput under load.
 */
export async function timeCalls(
  name: string,
  call: (run: number) => Promise<string>,
  options: { warmup: number; runs: number; targetMs: number | null },
): Promise<Timing> {
  let detail = "";
  for (let run = 0; run < options.warmup; run += 1) detail = await call(run);
  const samples: number[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    const started = performance.now();
    detail = await call(options.warmup + run);
    samples.push(performance.now() - started);
  }
  return { name, samples, targetMs: options.targetMs, detail };
}

export function summarize(samples: readonly number[]): TimingSummary {
  const { min, p50, p95, max } = summarizeSamples(samples);
  return { min, p50, p95, max };
}

export function verdictOf(timing: Timing): "PASS" | "FAIL" | "—" {
  if (timing.targetMs === null) return "—";
  return summarize(timing.samples).p95 < timing.targetMs ? "PASS" : "FAIL";
}

/** A fixed-width table: the first column left-aligned, the rest right-aligned. */
export function formatTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ");
  return [line(header), widths.map((width) => "─".repeat(width)).join("  "), ...rows.map(line)];
}

export function formatTimings(timings: readonly Timing[]): string[] {
  const ms = (value: number) => value.toFixed(1);
  return formatTable(
    ["query", "runs", "min ms", "p50 ms", "p95 ms", "max ms", "target p95", "verdict"],
    timings.map((timing) => {
      const summary = summarize(timing.samples);
      return [
        timing.name,
        String(timing.samples.length),
        ms(summary.min),
        ms(summary.p50),
        ms(summary.p95),
        ms(summary.max),
        timing.targetMs === null ? "—" : `< ${timing.targetMs} ms`,
        verdictOf(timing),
      ];
    }),
  );
}

/** Runs `task(0 … count − 1)` with at most `concurrency` in flight, in index order. */
export async function runConcurrently(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, async () => {
    for (let index = next++; index < count; index = next++) await task(index);
  });
  await Promise.all(lanes);
}

export const formatCount = (value: number) => Math.round(value).toLocaleString("en-US");

export const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
