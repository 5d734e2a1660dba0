import { addDays, isoWeekdayOf, utcToZoned, zonedToUtc } from "@gemba/domain/calendar/zoned-time";
import { createEventLog } from "@gemba/domain/simulation/event-log";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../tenant-scope";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { press, simulateLine, testPlant } from "../bottleneck/simulated-line.testing";
import { recurringDowntimeDetector } from "./recurring-downtime-detector";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const NOW = new Date("2026-03-27T12:00:00Z");
const TZ = "Europe/Berlin";

describe("recurring downtime detector on simulated history", () => {
  it("finds hydraulic failures that recur only on the Night shift of PRS-02", async () => {
    const plant = testPlant("rd-night", [press("PRS-01", 1), press("PRS-02", 1)]);
    // The simulator draws failure reasons independently of the shift, so the Night-shift pattern
    // is planted as extra machine events (DOWN FAIL_HYD for 15 minutes at 01:30 on most nights),
    // merged into the simulated stream and derived into timelines like any other event.
    const line = await simulateLine(db, {
      plant,
      now: NOW,
      historyDays: 28,
      plantEvents: (ids) => {
        const log = createEventLog({ id: ids.get("PRS-02") ?? "", code: "PRS-02" }, "planted");
        const today = utcToZoned(NOW, TZ);
        for (let back = 27; back >= 1; back--) {
          const day = addDays(today, -back);
          // The Night shift starting Monday–Friday evening runs into the next morning.
          if (isoWeekdayOf(addDays(day, -1)) > 5 || back % 4 === 0) continue;
          const at = zonedToUtc(day, 90, TZ).getTime();
          log.state(at, "DOWN", "FAIL_HYD");
          log.state(at + 15 * 60_000, "RUNNING");
        }
        return log.events;
      },
    });
    const prs2 = line.workCenters.get("PRS-02");
    const drafts = await withTenant(db.app.prisma, line.tenantId, (tx) =>
      recurringDowntimeDetector.detect(tx, { tenantId: line.tenantId, now: NOW.getTime(), workCenterIds: null }),
    );
    const night = drafts.find((draft) => draft.dedupeKey === `recurring-downtime:${prs2}:FAIL_HYD:shift:Night`);
    if (!night) throw new Error(`expected the planted pattern; got ${drafts.map((d) => d.dedupeKey).join(", ")}`);
    expect(night.subject).toMatchObject({ kind: "WORK_CENTER", id: prs2, lineId: line.lineId });
    expect(night.title).toBe("PRS-02: Hydraulic failure recurs on the Night shift");
    const lift = night.evidence.figures.find((figure) => figure.label === "Lift over the usual rate")?.value ?? 0;
    expect(lift).toBeGreaterThan(1);
    expect(night.spanStart).toBeGreaterThanOrEqual(NOW.getTime() - 28 * 86_400_000);
    // Nothing about the planted reason on the machine that never had it.
    expect(drafts.some((draft) => draft.dedupeKey.includes(`${line.workCenters.get("PRS-01")}:FAIL_HYD`))).toBe(false);
  }, 60_000);
});
