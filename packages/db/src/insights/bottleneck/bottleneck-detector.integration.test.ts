import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../tenant-scope";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { bottleneckDetector, MOVE_STEP_MS } from "./bottleneck-detector";
import { loadBottleneckChart } from "./load-bottleneck-chart";
import { press, simulateLine, testPlant } from "./simulated-line.testing";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const NOW = new Date("2026-03-13T12:00:00Z");
const SWITCH_AT = new Date("2026-03-10T06:00:00Z");
const HOUR = 3_600_000;

describe("bottleneck detector on simulated history", () => {
  it("finds the planted move from PRS-01 to PRS-02 near the time it happened", async () => {
    // PRS-01 constrains the line (no flow stops, it never waits) until SWITCH_AT, then PRS-02 does.
    const before = testPlant("bn-move", [press("PRS-01", 0.05), press("PRS-02", 2.5), press("PRS-03", 2.5)]);
    const after = testPlant("bn-move", [press("PRS-01", 2.5), press("PRS-02", 0.05), press("PRS-03", 2.5)]);
    const line = await simulateLine(db, {
      plant: before,
      after: { plant: after, switchAt: SWITCH_AT },
      now: NOW,
      historyDays: 7,
    });
    const prs1 = line.workCenters.get("PRS-01");
    const prs2 = line.workCenters.get("PRS-02");

    const drafts = await withTenant(db.app.prisma, line.tenantId, (tx) =>
      bottleneckDetector.detect(tx, { tenantId: line.tenantId, now: NOW.getTime(), workCenterIds: null }),
    );
    const moves = drafts.filter((draft) => draft.dedupeKey.startsWith("bottleneck-move:"));
    expect(moves).toHaveLength(1);
    const [move] = moves;
    expect(move?.dedupeKey).toContain(`${prs1}:${prs2}`);
    expect(move?.subject).toMatchObject({ kind: "LINE", id: line.lineId, workCenterId: prs2 });
    // The Night shift before the switch ends at 06:00, so the first bucket PRS-01 stops leading is within a shift of it.
    expect(Math.abs((move?.spanStart ?? 0) - SWITCH_AT.getTime())).toBeLessThanOrEqual(8 * HOUR);
    const day = drafts.find((draft) => draft.dedupeKey === `bottleneck:${line.lineId}:2026-03-13`);
    expect(day?.subject.workCenterId).toBe(prs2);
    expect(day?.title).toBe("PRS-02 is the bottleneck of Line 1");

    const chart = await withTenant(db.app.prisma, line.tenantId, (tx) =>
      loadBottleneckChart(tx, {
        lineId: line.lineId,
        from: NOW.getTime() - 7 * 24 * HOUR,
        to: NOW.getTime(),
        stepMs: MOVE_STEP_MS,
      }),
    );
    expect(chart.workCenters.map((wc) => wc.code)).toEqual(["PRS-01", "PRS-02", "PRS-03"]);
    expect(chart.buckets).toHaveLength(84);
    expect(chart.moves.some((m) => m.fromId === prs1 && m.toId === prs2)).toBe(true);
    expect(chart.explanation).toMatch(/^PRS-0[12] was active \d+ % of its comparable time/);
  }, 60_000);
});
