import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { Lifecycle } from "./lifecycle";
import { repoRoot } from "./paths";
import { colors, print } from "./print";
import { type ExitInfo, runToCompletion } from "./processes";

export type Counts = { passed: number; failed: number; skipped: number };

export type Stage = {
  name: string;
  /** A script of the root package.json, so `pnpm <script>` by hand does the same thing. */
  script: string;
  /** Which JSON report the stage writes, if it runs tests. */
  report?: "vitest" | "playwright";
};

export type StageResult = { name: string; exit: ExitInfo; counts?: Counts; seconds: number };

const ZVitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number().default(0),
  numTodoTests: z.number().default(0),
});

const ZPlaywrightReport = z.object({
  stats: z.object({
    expected: z.number(),
    unexpected: z.number(),
    flaky: z.number().default(0),
    skipped: z.number().default(0),
  }),
});

export function vitestCounts(report: unknown): Counts | undefined {
  const parsed = ZVitestReport.safeParse(report);
  if (!parsed.success) return undefined;
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = parsed.data;
  return { passed: numPassedTests, failed: numFailedTests, skipped: numPendingTests + numTodoTests };
}

export function playwrightCounts(report: unknown): Counts | undefined {
  const parsed = ZPlaywrightReport.safeParse(report);
  if (!parsed.success) return undefined;
  const { expected, unexpected, flaky, skipped } = parsed.data.stats;
  // A flaky test failed at first and passed on retry: it passed.
  return { passed: expected + flaky, failed: unexpected, skipped };
}

export function succeeded(result: StageResult): boolean {
  return result.exit.code === 0 && (result.counts?.failed ?? 0) === 0;
}

/**
 * Test cases passed and failed over all stages. A stage that failed without a failing test to
 * show for it (lint, typecheck, a crash before any test ran) counts as one failure, so the line
 * says "0 failed" only when everything succeeded.
 */
export function totals(results: StageResult[]): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const result of results) {
    passed += result.counts?.passed ?? 0;
    failed += result.counts?.failed ?? 0;
    if (!succeeded(result) && (result.counts?.failed ?? 0) === 0) failed += 1;
  }
  return { passed, failed };
}

export function formatSummary(results: StageResult[]): string[] {
  const { green, red, dim, bold } = colors();
  const width = Math.max(...results.map((result) => result.name.length));
  const lines = results.map((result) => {
    const ok = succeeded(result);
    let outcome: string;
    if (result.counts) {
      const { passed, failed, skipped } = result.counts;
      outcome = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
      if (failed === 0 && !ok) outcome += `, exit code ${result.exit.code ?? result.exit.signal}`;
    } else {
      outcome = ok ? "ok" : `failed (exit code ${result.exit.code ?? result.exit.signal})`;
    }
    return `  ${result.name.padEnd(width)}  ${(ok ? green : red)(outcome.padEnd(36))} ${dim(`${result.seconds.toFixed(1)} s`)}`;
  });
  const { passed, failed } = totals(results);
  // The last line stays plain (no color, no label) so CI can read it: "57 passed, 0 failed".
  return [bold("Summary"), ...lines, `${passed} passed, ${failed} failed`];
}

/** Runs one stage with the terminal's output and collects its counts from the JSON report. */
export async function runStage(
  stage: Stage,
  options: { reportsDir: string; env: NodeJS.ProcessEnv; lifecycle: Lifecycle },
): Promise<StageResult> {
  const reportFile = join(options.reportsDir, `${stage.name}.json`);
  await rm(reportFile, { force: true });
  const started = performance.now();
  print();
  print(colors().bold(`▶ ${stage.name}`) + colors().dim(`  pnpm ${stage.script}`));
  const exit = await runToCompletion(
    {
      name: stage.name,
      command: "pnpm",
      args: ["run", stage.script, ...reporterArgs(stage, reportFile)],
      cwd: repoRoot,
      env: { ...options.env, ...(stage.report === "playwright" ? { PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile } : {}) },
    },
    (child) => options.lifecycle.defer(stage.name, async () => void (await child.stop())),
  );
  const counts = stage.report ? await readCounts(stage.report, reportFile) : undefined;
  return { name: stage.name, exit, counts, seconds: (performance.now() - started) / 1000 };
}

function reporterArgs(stage: Stage, reportFile: string): string[] {
  if (stage.report === "vitest") return ["--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`];
  if (stage.report === "playwright") return ["--reporter=list,json"];
  return [];
}

async function readCounts(kind: "vitest" | "playwright", file: string): Promise<Counts | undefined> {
  let report: unknown;
  try {
    report = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return undefined;
  }
  return kind === "vitest" ? vitestCounts(report) : playwrightCounts(report);
}
