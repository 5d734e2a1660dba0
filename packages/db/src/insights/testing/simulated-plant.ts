import { MS_PER_MINUTE } from "@gemba/domain/calendar/zoned-time";
import type { TCanonicalEvent } from "@gemba/domain/events/canonical-events";
import { insertEvents } from "../../events/insert-events";
import { refreshWorkCenter } from "../../execution/refresh-work-center";
import { createPlantStructure, type PlantIds } from "../../seed/create-plant-structure";
import { channel, early, late, profile } from "../../seed/machine-profiles";
import type { OrderRecord } from "../../seed/plan-orders";
import type { PlantDefinition } from "../../seed/plant-definition";
import { buildPlantCalendar, type PlantCalendar, simulatePlant } from "../../seed/simulate-plant";
import { withTenant, withTenantClient } from "../../tenant-scope";
import type { TestDatabase } from "../../testing/test-database";

/**
 * A small plant for the detector tests: one line of three machines on two shifts, Monday to Friday,
 * with steady process values (no wear drift: "clean" means no pattern a detector should find).
 * Cycle times span a slow CNC (48–75 s), a fast press (4–6 s) and an assembly cell (90–120 s).
 */
export const DETECTOR_TEST_PLANT: PlantDefinition = {
  tenant: { slug: "detectors", name: "Detector Test Works" },
  site: { code: "DTW", name: "Detector Test Works", timeZone: "Europe/Berlin" },
  firstOrderNumber: 2_000_000,
  defaultHistoryDays: 30,
  shiftPattern: { name: "Two shifts, Mon–Fri", shifts: [early, late] },
  noShiftPeriods: [],
  members: [],
  products: [
    { sku: "DT-SH-40", name: "Drive shaft Ø40", idealCycleTimeSeconds: 75 },
    { sku: "DT-FL-63", name: "Flange Ø63", idealCycleTimeSeconds: 48 },
    { sku: "DT-BR-31", name: "Mounting bracket", idealCycleTimeSeconds: 4 },
    { sku: "DT-CV-33", name: "Cover plate", idealCycleTimeSeconds: 6 },
    { sku: "DT-PH-51", name: "Pump housing", idealCycleTimeSeconds: 90 },
    { sku: "DT-AC-52", name: "Actuator", idealCycleTimeSeconds: 120 },
  ],
  areas: [
    {
      code: "FAB",
      name: "Fabrication",
      lines: [
        {
          code: "L1",
          name: "Line 1",
          workCenters: [
            {
              code: "CNC-1",
              name: "Lathe",
              productSkus: ["DT-SH-40", "DT-FL-63"],
              profile: profile({
                telemetry: [channel("spindle_load", "%", 58, 3), channel("coolant_temperature", "°C", 24, 0.8)],
              }),
            },
            {
              code: "PRS-1",
              name: "Press",
              productSkus: ["DT-BR-31", "DT-CV-33"],
              profile: profile({ microStopsPerHour: 6, telemetry: [channel("hydraulic_pressure", "bar", 182, 4)] }),
            },
            {
              code: "ASM-1",
              name: "Assembly cell",
              productSkus: ["DT-PH-51", "DT-AC-52"],
              profile: profile({ telemetry: [channel("torque", "Nm", 42, 1.1)] }),
            },
          ],
        },
      ],
    },
  ],
};

export type TSimulatedPlant = PlantIds & {
  tenantId: string;
  calendar: PlantCalendar;
  orders: OrderRecord[];
  events: TCanonicalEvent[];
};

/**
 * Simulates the plant's history up to `now` and stores it as the seed does (events, then timelines
 * and buckets derived by refreshWorkCenter). `alterEvents` and `alterOrders` plant the patterns a test
 * wants found, on the simulator's own data, before anything is stored.
 */
export async function storeSimulatedPlant(
  db: Pick<TestDatabase, "app" | "owner">,
  input: {
    now: Date;
    historyDays: number;
    /** Another name for the tenant, when one database holds more than one such plant (browser tests). */
    tenant?: { slug: string; name: string };
    alterEvents?: (events: TCanonicalEvent[], ids: PlantIds) => TCanonicalEvent[];
    alterOrders?: (orders: OrderRecord[]) => OrderRecord[];
  },
): Promise<TSimulatedPlant> {
  const plant = input.tenant ? { ...DETECTOR_TEST_PLANT, tenant: input.tenant } : DETECTOR_TEST_PLANT;
  const tenant = await db.owner.prisma.tenant.create({ data: plant.tenant, select: { id: true } });
  const tenantId = tenant.id;
  const calendar = buildPlantCalendar(plant, input.now, input.historyDays);
  const ids = await withTenant(db.app.prisma, tenantId, (tx) =>
    createPlantStructure(tx, tenantId, plant, calendar, { unknownTimeoutSeconds: 20 * 60 }),
  );
  const simulated = simulatePlant(plant, calendar, ids.workCenters);
  const events = input.alterEvents ? input.alterEvents(simulated.events, ids) : simulated.events;
  const orders = input.alterOrders ? input.alterOrders(simulated.orders) : simulated.orders;
  await withTenant(db.app.prisma, tenantId, (tx) =>
    tx.productionOrder.createMany({
      data: orders.map(({ workCenterCode, productSku, ...order }) => ({
        ...order,
        tenantId,
        workCenterId: ids.workCenters.get(workCenterCode) ?? null,
        productId: ids.products.get(productSku) ?? "",
      })),
    }),
  );
  await withTenantClient(db.app.pool, tenantId, (client) => insertEvents(client, tenantId, events));
  for (const workCenterId of ids.workCenters.values()) {
    await refreshWorkCenter(db.app.pool, {
      tenantId,
      workCenterId,
      changedFrom: calendar.from.getTime(),
      changedTo: input.now.getTime(),
      now: input.now.getTime(),
    });
  }
  return { ...ids, tenantId, calendar, orders, events };
}

/**
 * A cycle time that creeps up from `from` on: each count event after it reports fewer units, as if
 * every cycle took `1 + slope × hours since from` times as long. Fractions carry over to the next
 * count so the slowdown is exact on average; scrapped units are kept, so only the pace changes.
 */
export function slowDownCounts(
  events: readonly TCanonicalEvent[],
  workCenterId: string,
  from: number,
  slopePerHour: number,
): TCanonicalEvent[] {
  let carry = 0;
  return events.map((event) => {
    const t = event.eventTime.getTime();
    if (event.kind !== "production.count" || event.workCenterId !== workCenterId || t < from) return event;
    const stretch = 1 + (slopePerHour * (t - from)) / (60 * MS_PER_MINUTE);
    const scaled = event.payload.total / stretch + carry;
    const total = Math.floor(scaled);
    carry = scaled - total;
    const scrap = event.payload.total - (event.payload.good ?? event.payload.total);
    return { ...event, payload: { ...event.payload, total, good: Math.max(0, total - scrap) } };
  });
}
