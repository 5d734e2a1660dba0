import { describe, expect, it } from "vitest";
import { draftOfPeriod, periodFromDraft, suggestNewPeriod } from "./no-shift-form";

describe("no-shift form", () => {
  it("shows a holiday of whole days with an inclusive last day, and reads it back", () => {
    const stored = {
      kind: "HOLIDAY" as const,
      reason: "Christmas",
      start: { date: "2026-12-24", minute: 0 },
      end: { date: "2026-12-27", minute: 0 },
    };
    const draft = draftOfPeriod(stored);
    expect(draft).toMatchObject({ wholeDays: true, startDate: "2026-12-24", endDate: "2026-12-26" });
    expect(periodFromDraft(draft).period).toEqual(stored);
  });

  it("keeps times for a maintenance window and names unreadable fields", () => {
    const draft = suggestNewPeriod("2026-11-24");
    expect(draft).toMatchObject({ startDate: "2026-11-25", startTime: "06:00", endTime: "14:00", wholeDays: false });
    expect(periodFromDraft({ ...draft, reason: "Service" }).period).toEqual({
      kind: "PLANNED_MAINTENANCE",
      reason: "Service",
      start: { date: "2026-11-25", minute: 360 },
      end: { date: "2026-11-25", minute: 840 },
    });
    expect(periodFromDraft({ ...draft, endTime: "" }).errors.map((error) => error.field)).toEqual(["end"]);
    expect(periodFromDraft({ ...draft, startDate: "" }).errors.map((error) => error.field)).toEqual(["start"]);
  });
});
