import { MS_PER_HOUR } from "@gemba/domain/calendar/zoned-time";
import { BUCKET_MS } from "@gemba/domain/execution/buckets";
import { withTenant } from "../../tenant-scope";
import type { TestDatabase } from "../../testing/test-database";
import type { TDetectorRun, TInsightDetector } from "../detector";
import { slowDownCounts, storeSimulatedPlant, type TSimulatedPlant } from "./simulated-plant";

/** Thursday 19 Nov 2026, 20:00 in Berlin: the late shift has two hours to go. */
export const DRIFT_NOW = Date.UTC(2026, 10, 19, 19);
/** The early shift's start that Thursday (06:00 Berlin): the lathe's cycle starts creeping up here. */
export const DRIFT_FROM = Date.UTC(2026, 10, 19, 5);
/** +2 % cycle time per hour: +28 % by the end of the late shift's sixth hour. */
export const DRIFT_SLOPE_PER_HOUR = 0.02;
export const DRIFT_WORK_CENTER = "CNC-1";

/** 17 days of history (14 of baseline, the window before, the drift day) with the lathe drifting on the last. */
export function storeDriftedPlant(
  db: Pick<TestDatabase, "app" | "owner">,
  tenant?: { slug: string; name: string },
): Promise<TSimulatedPlant> {
  return storeSimulatedPlant(db, {
    tenant,
    now: new Date(DRIFT_NOW),
    historyDays: 17,
    alterEvents: (events, ids) =>
      slowDownCounts(events, ids.workCenters.get(DRIFT_WORK_CENTER) ?? "", DRIFT_FROM, DRIFT_SLOPE_PER_HOUR),
  });
}

/**
 * The lathe's orders during the drift: each product's cycle-time chart should show it from the
 * later of the drift start and the order's start (in the order they ran).
 */
export function driftRuns(plant: TSimulatedPlant): { productId: string; from: number }[] {
  return plant.orders
    .filter((order) => order.workCenterCode === DRIFT_WORK_CENTER && order.startedAt !== null)
    .filter((order) => (order.completedAt?.getTime() ?? DRIFT_NOW) > DRIFT_FROM + MS_PER_HOUR)
    .filter((order) => (order.startedAt?.getTime() ?? DRIFT_NOW) < DRIFT_NOW - 2 * MS_PER_HOUR)
    .sort((a, b) => (a.startedAt?.getTime() ?? 0) - (b.startedAt?.getTime() ?? 0))
    .map((order) => ({
      productId: plant.products.get(order.productSku) ?? "",
      from: Math.max(DRIFT_FROM, order.startedAt?.getTime() ?? DRIFT_FROM),
    }));
}

export function runDetector(db: TestDatabase, detector: TInsightDetector, run: TDetectorRun) {
  return withTenant(db.app.prisma, run.tenantId, (tx) => detector.detect(tx, run));
}

/**
 * How long after the drift began a detector first reports it: passes every 15 minutes from the
 * drift start, each seeing only data up to its own clock. Null when it never did before `DRIFT_NOW`.
 */
export async function detectionDelayMs(
  db: TestDatabase,
  detector: TInsightDetector,
  plant: TSimulatedPlant,
  matches: (dedupeKey: string) => boolean,
): Promise<number | null> {
  const workCenterId = plant.workCenters.get(DRIFT_WORK_CENTER) ?? "";
  for (let now = DRIFT_FROM + BUCKET_MS; now <= DRIFT_NOW; now += BUCKET_MS) {
    const drafts = await runDetector(db, detector, { tenantId: plant.tenantId, now, workCenterIds: [workCenterId] });
    if (drafts.some((draft) => matches(draft.dedupeKey))) return now - DRIFT_FROM;
  }
  return null;
}

export const hours = (ms: number | null) => (ms === null ? "never" : `${(ms / MS_PER_HOUR).toFixed(2)} h`);

/** One line in the test output: the numbers the detectors are judged by (no console in this codebase). */
export function report(line: string): void {
  process.stdout.write(`${line}\n`);
}
