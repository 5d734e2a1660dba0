import { describe, expect, it } from "vitest";
import {
  coverSpans,
  listPatternPeriods,
  pastPartOf,
  patternOn,
  patternSpan,
  spanOfLocalDates,
} from "./pattern-validity";

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms));

describe("pattern validity", () => {
  const patterns = [
    { id: "winter", validFrom: "2026-11-02" },
    { id: "old", validFrom: "2026-01-05" },
    { id: "spring", validFrom: "2027-03-01" },
  ];

  it("orders patterns, says until when each applies and which one applies today", () => {
    const periods = listPatternPeriods(patterns, "2026-11-24");
    expect(periods.map((p) => [p.id, p.validUntil, p.status])).toEqual([
      ["old", "2026-11-02", "PAST"],
      ["winter", "2027-03-01", "CURRENT"],
      ["spring", null, "UPCOMING"],
    ]);
    // The day a pattern starts, it is the current one.
    expect(listPatternPeriods(patterns, "2027-03-01").map((p) => p.status)).toEqual(["PAST", "PAST", "CURRENT"]);
    expect(patternOn(patterns, "2026-11-01")?.id).toBe("old");
    expect(patternOn(patterns, "2026-11-02")?.id).toBe("winter");
    expect(patternOn(patterns, "2025-12-31")).toBeUndefined();
  });

  it("spans local midnights in the site's zone, a day past the last governed date for night shifts", () => {
    const span = patternSpan(
      patterns.map((p) => p.validFrom),
      "2026-11-02",
      "America/Chicago",
    );
    expect(iso(span.from)).toBe("2026-11-02T06:00:00.000Z"); // CST
    expect(iso(span.to)).toBe("2027-03-02T06:00:00.000Z");
    // Across the spring change in Berlin: midnight is 23:00 UTC before it, 22:00 UTC after.
    const berlin = spanOfLocalDates("2026-03-28", "2026-03-30", "Europe/Berlin");
    expect(iso(berlin.from)).toBe("2026-03-27T23:00:00.000Z");
    expect(iso(berlin.to)).toBe("2026-03-30T22:00:00.000Z");
    expect(patternSpan(["2027-03-01"], "2027-03-01", "UTC").to).toBe(Number.POSITIVE_INFINITY);
  });

  it("keeps only the part of a change that has derived data", () => {
    const now = Date.parse("2026-11-24T12:00:00Z");
    expect(pastPartOf({ from: now - 1000, to: Number.POSITIVE_INFINITY }, now)).toEqual({ from: now - 1000, to: now });
    expect(pastPartOf({ from: now + 1, to: now + 1000 }, now)).toBeNull();
    expect(pastPartOf({ from: 1, to: 5 }, now)).toEqual({ from: 1, to: 5 });
    expect(coverSpans({ from: 5, to: 9 }, { from: 1, to: 6 })).toEqual({ from: 1, to: 9 });
  });
});
