import { describe, expect, it } from "vitest";
import { classificationMetrics, hasSkill } from "./classification-metrics";

// Ten held-out days, three followed by a breakdown.
const labels: (0 | 1)[] = [0, 0, 1, 0, 0, 1, 0, 0, 1, 0];

describe("whether a maintenance model may warn anyone", () => {
  it("lets a model warn whose flags find the breakdowns far better than chance", () => {
    const probabilities = [0.1, 0.2, 0.9, 0.1, 0.3, 0.8, 0.1, 0.6, 0.7, 0.2];
    expect(hasSkill(classificationMetrics(probabilities, labels, 0.5))).toEqual({ ok: true });
  });

  it("keeps quiet a model that flags at about the base rate", () => {
    // Flags every other day: precision 2/5 = 40 % against a 30 % base rate.
    const probabilities = [0.9, 0.1, 0.9, 0.1, 0.9, 0.1, 0.9, 0.1, 0.9, 0.1];
    const verdict = hasSkill(classificationMetrics(probabilities, labels, 0.5));
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringContaining("chance: 30 %") });
  });

  it("keeps quiet a model that flagged nothing on the held-out days", () => {
    const verdict = hasSkill(classificationMetrics(new Array(10).fill(0.1), labels, 0.5));
    expect(verdict.ok).toBe(false);
  });
});
