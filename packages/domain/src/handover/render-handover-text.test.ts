import { describe, expect, it } from "vitest";
import { emptyOeeComponents } from "../execution/oee";
import { buildHandoverSummary } from "./build-handover-summary";
import { formatMinutes, formatPercent, handoverSearchText, renderHandoverText } from "./render-handover-text";

const MIN = 60_000;
const start = Date.parse("2026-11-16T05:00:00Z");
const end = Date.parse("2026-11-16T13:00:00Z");
const id = (n: number) => `5e1f0c3a-2b7d-4c1e-9a0b-${String(n).padStart(12, "0")}`;

const components = {
  ...emptyOeeComponents(),
  plannedMs: 480 * MIN,
  runMs: 420 * MIN,
  lossMs: { ...emptyOeeComponents().lossMs, EQUIPMENT_FAILURE: 60 * MIN, REDUCED_SPEED: 20 * MIN },
  reducedSpeedRawMs: 20 * MIN,
  idealMs: 400 * MIN,
  totalCount: 400,
  goodCount: 380,
};

const summary = buildHandoverSummary({
  site: { id: id(1), name: "Main Site", timeZone: "Europe/Berlin" },
  shift: { key: "2026-11-16|Early", name: "Early", start, end },
  now: end + 2 * MIN,
  lines: [{ lineId: id(2), code: "L1", name: "Line 1", components }],
  downtimes: [
    {
      workCenterId: id(3),
      workCenterCode: "PRS-7",
      workCenterName: "Press 7",
      reasonCode: "MECH",
      reasonLabel: "Mechanical failure",
      unclassified: false,
      stopMs: 40 * MIN,
      stops: 2,
    },
  ],
  orders: [
    {
      orderId: id(4),
      externalId: "4711",
      productName: "Bracket",
      workCenterCode: "PRS-7",
      status: "IN_PROGRESS",
      quantity: 500,
      producedGoodInShift: 120,
      producedTotalInShift: 125,
      producedGood: 380,
      progress: 0.76,
      dueAt: new Date("2026-11-16T17:00:00Z"),
      atRisk: true,
      late: false,
    },
  ],
  openTasks: [
    {
      taskId: id(5),
      title: "Replace the pump seal",
      priority: "URGENT",
      dueAt: new Date(end - 30 * MIN),
      workCenterCode: "PRS-7",
      createdAt: new Date(start),
    },
  ],
  decisions: [
    {
      decisionId: id(6),
      title: "Move order 4711 to PRS-8",
      decidedAt: new Date(start + 192 * MIN),
      decidedBy: "Ann Lead",
      workCenterCode: "PRS-7",
    },
  ],
  unclassified: [
    {
      workCenterId: id(3),
      workCenterCode: "PRS-7",
      workCenterName: "Press 7",
      since: new Date(end - 20 * MIN),
      stopMs: 22 * MIN,
      ongoing: true,
    },
  ],
});

describe("renderHandoverText", () => {
  it("reads as a one-page report in the site's clock", () => {
    const text = renderHandoverText(summary, { notes: "Die set 14 is cracked — do not use." });
    expect(text).toContain("Shift handover — Main Site");
    expect(text).toContain("Early shift, Mon 16 Nov 2026, 06:00–14:00 (Europe/Berlin)");
    expect(text).toContain("OEE 79.2 % · availability 87.5 % · performance 95.2 % · quality 95.0 %");
    expect(text).toContain("Losses: equipment failure 60 min, reduced speed 20 min.");
    expect(text).toContain("- PRS-7 Press 7: Mechanical failure, 40 min in 2 stops");
    expect(text).toContain(
      "- 4711 Bracket (PRS-7): 120 good this shift, 380 of 500 (76.0 %), due Mon 16 Nov 18:00 — at risk",
    );
    expect(text).toContain("Open tasks: 1 (1 urgent, 1 overdue)");
    expect(text).toContain("- [Urgent] Replace the pump seal (PRS-7), due Mon 16 Nov 13:30 — overdue");
    expect(text).toContain("- 09:12 Move order 4711 to PRS-8 — Ann Lead (PRS-7)");
    expect(text).toContain("- PRS-7 Press 7: since Mon 16 Nov 13:40, 22 min, still down");
    expect(text).toContain("Notes from the outgoing lead\nDie set 14 is cracked — do not use.");
    expect(text).not.toContain("Figures up to");
  });

  it("says when the figures stop short of the shift's end, and what empty sections mean", () => {
    const early = { ...summary, coveredUntil: new Date(start + 90 * MIN).toISOString(), topDowntimes: [] };
    const text = renderHandoverText(early, { notes: "" });
    expect(text).toContain("Figures up to 07:30: drafted while the shift was running.");
    expect(text).toContain("No downtime in this shift.");
    expect(text).toContain("Notes from the outgoing lead\n  (none)");
  });

  it("is searched lower-cased, the incoming lead's note included", () => {
    const search = handoverSearchText(summary, { notes: "Cracked DIE set", acknowledgeNote: "Spare die ORDERED" });
    expect(search).toContain("cracked die set");
    expect(search).toContain("spare die ordered");
    expect(search).toBe(search.toLowerCase());
  });
});

describe("formatting", () => {
  it("caps ratios for display and writes long durations in hours", () => {
    expect(formatPercent(1.07)).toBe("100.0 %");
    expect(formatPercent(1.07, false)).toBe("107.0 %");
    expect(formatPercent(null)).toBe("—");
    expect(formatMinutes(45.4)).toBe("45 min");
    expect(formatMinutes(119.7)).toBe("2 h 0 min");
    expect(formatMinutes(125)).toBe("2 h 5 min");
  });
});
