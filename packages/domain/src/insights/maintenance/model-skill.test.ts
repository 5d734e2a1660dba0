import { describe, expect, it } from "vitest";
import { classificationMetrics, hasSkill } from "./classification-metrics";

// Ten held-out days, three followed by a breakdown.
const labels: (0 | 1)[] = [0, 0, 1, 0, 0, 1, 0, 0, 1, 0];

describe("whether a maintenance model may warn anyone", () => {
  it("lets a model warn whose flags find the breakdowns far better than chance", () => {
    // Sixty held-out days, 18 followed by a breakdown; it flags 15 days, 12 of them rightly.
    const many: (0 | 1)[] = Array.from({ length: 60 }, (_, day) => (day % 10 < 3 ? 1 : 0));
    let positivesSeen = 0;
    let negativesSeen = 0;
    const probabilities = many.map((label) => {
      if (label === 1) return ++positivesSeen <= 12 ? 0.9 : 0.2;
      return ++negativesSeen <= 3 ? 0.8 : 0.1;
    });
    const metrics = classificationMetrics(probabilities, many, 0.5);
    expect(metrics).toMatchObject({ flagged: 15, positives: 18 });
    expect(hasSkill(metrics)).toEqual({ ok: true });
  });

  it("does not take a lucky short test for skill", () => {
    // Ten days: 3 of 4 flags right against a 30 % base rate happens by chance about once in twelve.
    const probabilities = [0.1, 0.2, 0.9, 0.1, 0.3, 0.8, 0.1, 0.6, 0.7, 0.2];
    expect(hasSkill(classificationMetrics(probabilities, labels, 0.5))).toMatchObject({ ok: false });
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
