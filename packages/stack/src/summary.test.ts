import { describe, expect, it } from "vitest";
import { createPalette, usePalette } from "./print";
import { formatSummary, playwrightCounts, type StageResult, totals, vitestCounts } from "./summary";

const ok = { code: 0, signal: null };
const failed = { code: 1, signal: null };

describe("test summary", () => {
  it("reads vitest's and Playwright's JSON reports", () => {
    expect(
      vitestCounts({ numPassedTests: 12, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1, other: true }),
    ).toEqual({ passed: 12, failed: 1, skipped: 3 });
    expect(playwrightCounts({ stats: { expected: 5, unexpected: 1, flaky: 2, skipped: 1 } })).toEqual({
      passed: 7,
      failed: 1,
      skipped: 1,
    });
    expect(vitestCounts({ unexpected: "shape" })).toBeUndefined();
    expect(playwrightCounts(null)).toBeUndefined();
  });

  it("counts a stage that failed without a failing test as one failure", () => {
    const results: StageResult[] = [
      { name: "lint", exit: failed, seconds: 1 },
      { name: "typecheck", exit: ok, seconds: 1 },
      { name: "unit", exit: ok, counts: { passed: 40, failed: 0, skipped: 0 }, seconds: 1 },
      { name: "integration", exit: failed, counts: { passed: 9, failed: 2, skipped: 0 }, seconds: 1 },
      // vitest exits 1 on an unhandled error even when every test passed
      { name: "e2e", exit: failed, counts: { passed: 3, failed: 0, skipped: 0 }, seconds: 1 },
    ];
    expect(totals(results)).toEqual({ passed: 52, failed: 4 });
  });

  it("says 0 failed only when every stage succeeded", () => {
    const results: StageResult[] = [
      { name: "lint", exit: ok, seconds: 1 },
      { name: "unit", exit: ok, counts: { passed: 57, failed: 0, skipped: 1 }, seconds: 2.5 },
    ];
    expect(totals(results)).toEqual({ passed: 57, failed: 0 });
  });

  it("ends on a plain 'N passed, N failed' line, even with colors on", () => {
    usePalette(createPalette(true));
    try {
      const lines = formatSummary([
        { name: "unit", exit: ok, counts: { passed: 3, failed: 0, skipped: 0 }, seconds: 1 },
      ]);
      expect(lines.at(-1)).toBe("3 passed, 0 failed");
    } finally {
      usePalette(createPalette(false));
    }
  });
});
