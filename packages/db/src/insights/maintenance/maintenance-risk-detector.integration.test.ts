import { addDays, isoWeekdayOf, utcToZoned, zonedToUtc } from "@gemba/domain/calendar/zoned-time";
import { createEventLog } from "@gemba/domain/simulation/event-log";
import { createRandom } from "@gemba/domain/simulation/random";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../tenant-scope";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { press, simulateLine, testPlant } from "../bottleneck/simulated-line.testing";
import { loadLatestMaintenanceModel } from "./latest-model";
import { createMaintenanceRiskDetector, type TMaintenanceTraining } from "./maintenance-risk-detector";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const NOW = new Date("2026-05-29T12:00:00Z");
const TZ = "Europe/Berlin";
const DAYS = 84;
// Breakdowns so rare the simulator's own (memoryless, unannounced) failures hardly occur.
const healthy = { meanTimeBetweenFailuresMinutes: 500_000, microStopsPerHour: 0.5 };

describe("maintenance risk detector on simulated history", () => {
  it("learns a planted precursor, stores held-out precision/recall and flags the wearing machine", async () => {
    const plant = testPlant("mr-wear", [
      press("PRS-01", 1, healthy),
      press("PRS-02", 1, healthy),
      press("PRS-03", 1, healthy),
    ]);
    // The simulator's failures are memoryless, so nothing precedes them. Planted as extra machine
    // events: every ~8 working days a machine wears for 5 days (micro-stops climb by 15 a day) and
    // then breaks down (DOWN FAIL_MECH, 45 min). PRS-03 is mid-wear today, its breakdown still ahead.
    const line = await simulateLine(db, {
      plant,
      now: NOW,
      historyDays: DAYS,
      plantEvents: (ids) =>
        ["PRS-01", "PRS-02", "PRS-03"].flatMap((code, index) => {
          const log = createEventLog({ id: ids.get(code) ?? "", code }, "planted");
          const random = createRandom(100 + index);
          const today = utcToZoned(NOW, TZ);
          const workdays = Array.from({ length: DAYS }, (_, i) => addDays(today, -DAYS + i)).filter(
            (day) => isoWeekdayOf(day) <= 5,
          );
          const plantMicroStops = (day: (typeof workdays)[number], count: number) => {
            for (let k = 0; k < count; k++) {
              const at = zonedToUtc(day, 6 * 60 + 30 + Math.floor(random.next() * 14 * 60), TZ).getTime();
              log.state(at, "IDLE", "MICRO_STOP");
              log.state(at + 40_000, "RUNNING");
            }
          };
          // Whole cycles up to two weeks before today; then PRS-03 starts wearing over the last 4 workdays.
          for (let wearStart = 3 + index * 2; wearStart + 5 < workdays.length - 10; ) {
            for (let step = 0; step < 5; step++) plantMicroStops(workdays[wearStart + step] ?? today, 15 * (step + 1));
            const at = zonedToUtc(workdays[wearStart + 5] ?? today, 9 * 60, TZ).getTime();
            log.state(at, "DOWN", "FAIL_MECH");
            log.state(at + 45 * 60_000, "RUNNING");
            wearStart += 8 + Math.floor(random.next() * 3);
          }
          if (code === "PRS-03") {
            for (const [step, day] of workdays.slice(-4).entries()) plantMicroStops(day, 15 * (step + 1));
          }
          return log.events;
        }),
    });
    const outcomes: TMaintenanceTraining[] = [];
    const detector = createMaintenanceRiskDetector((outcome) => outcomes.push(outcome));
    const drafts = await withTenant(db.app.prisma, line.tenantId, (tx) =>
      detector.detect(tx, { tenantId: line.tenantId, now: NOW.getTime(), workCenterIds: null }),
    );
    const [training] = outcomes;
    if (training?.status !== "TRAINED") throw new Error(`expected a trained model: ${JSON.stringify(training)}`);
    const stored = await withTenant(db.app.prisma, line.tenantId, (tx) => loadLatestMaintenanceModel(tx));
    process.stdout.write(
      `maintenance model held-out: precision ${stored?.precision?.toFixed(2)}, recall ${stored?.recall?.toFixed(2)}, base rate ${stored?.baseRate.toFixed(2)}, ${stored?.heldOutRows} rows\n`,
    );
    expect(stored?.precision).toBeGreaterThan(2 * (stored?.baseRate ?? 1));
    expect(stored?.recall).toBeGreaterThan(0.5);
    expect(stored?.horizonDays).toBe(3);
    expect(stored?.warnings).toEqual({ ok: true });
    const flagged = drafts.map((draft) => draft.subject.workCenterId);
    expect(flagged).toEqual([line.workCenters.get("PRS-03")]);

    // Trained less than a day ago: the next pass reuses the stored run instead of training again.
    await withTenant(db.app.prisma, line.tenantId, (tx) =>
      detector.detect(tx, { tenantId: line.tenantId, now: NOW.getTime() + 3_600_000, workCenterIds: null }),
    );
    expect(outcomes[1]?.status).toBe("CURRENT");
  }, 90_000);

  it("refuses to train on too little history, stores nothing and says why", async () => {
    const line = await simulateLine(db, {
      plant: testPlant("mr-short", [press("PRS-01", 1, healthy), press("PRS-02", 1, healthy)]),
      now: NOW,
      historyDays: 10,
    });
    const outcomes: TMaintenanceTraining[] = [];
    const drafts = await withTenant(db.app.prisma, line.tenantId, (tx) =>
      createMaintenanceRiskDetector((outcome) => outcomes.push(outcome)).detect(tx, {
        tenantId: line.tenantId,
        now: NOW.getTime(),
        workCenterIds: null,
      }),
    );
    expect(drafts).toEqual([]);
    expect(outcomes[0]).toMatchObject({ status: "REFUSED", model: null });
    expect(outcomes[0]?.status === "REFUSED" && outcomes[0].reason).toMatch(/^Needs at least 10 work-center days/);
    expect(await withTenant(db.app.prisma, line.tenantId, (tx) => loadLatestMaintenanceModel(tx))).toBeNull();
  }, 60_000);
});
