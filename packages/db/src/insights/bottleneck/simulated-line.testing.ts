/**
 * Integration-test plants for the timeline detectors: one line of simulated work centers, stored
 * as the seed stores them (insertEvents, then refreshWorkCenter derives the timelines). `plant`
 * may differ before and after `switchAt`, which is how a bottleneck move is planted: the simulator
 * itself keeps a machine's behaviour fixed, so the history is stitched from two runs at that instant.
 */
import type { TCanonicalEvent } from "@gemba/domain/events/canonical-events";
import { insertEvents } from "../../events/insert-events";
import { refreshWorkCenter } from "../../execution/refresh-work-center";
import { createPlantStructure } from "../../seed/create-plant-structure";
import { early, late, pressTelemetry, profile } from "../../seed/machine-profiles";
import type { PlantDefinition, WorkCenterDefinition } from "../../seed/plant-definition";
import { buildPlantCalendar, simulatePlant } from "../../seed/simulate-plant";
import { withTenant, withTenantClient } from "../../tenant-scope";
import type { TestDatabase } from "../../testing/test-database";

export const night = {
  name: "Night",
  weekdays: [1, 2, 3, 4, 5],
  startMinute: 22 * 60,
  durationMinutes: 420,
  breaks: [],
};

export function testPlant(slug: string, workCenters: WorkCenterDefinition[]): PlantDefinition {
  return {
    tenant: { slug, name: `${slug} plant` },
    site: { code: "S1", name: "Test site", timeZone: "Europe/Berlin" },
    areas: [{ code: "A1", name: "Assembly", lines: [{ code: "L1", name: "Line 1", workCenters }] }],
    products: [
      { sku: "P-100", name: "Bracket", idealCycleTimeSeconds: 20 },
      { sku: "P-200", name: "Hinge", idealCycleTimeSeconds: 25 },
    ],
    shiftPattern: { name: "Three shifts", shifts: [early, late, night] },
    noShiftPeriods: [],
    firstOrderNumber: 10_000,
    defaultHistoryDays: 30,
    members: [],
  };
}

/** A plain press; `flowStopsPerHour` near 0 makes it the line's constraint, higher makes it wait on others. */
export function press(
  code: string,
  flowStopsPerHour: number,
  overrides: Partial<WorkCenterDefinition["profile"]> = {},
) {
  return {
    code,
    name: `Press ${code}`,
    productSkus: ["P-100", "P-200"],
    profile: profile({ telemetry: pressTelemetry(180, 3, 45), flowStopsPerHour, meanFlowStopMinutes: 8, ...overrides }),
  } satisfies WorkCenterDefinition;
}

export type TSimulatedLine = {
  tenantId: string;
  lineId: string;
  workCenters: Map<string, string>;
  products: Map<string, string>;
};

export async function simulateLine(
  db: TestDatabase,
  input: {
    plant: PlantDefinition;
    /** Behaviour from `switchAt` on; the first plant's history is kept before it. */
    after?: { plant: PlantDefinition; switchAt: Date };
    now: Date;
    historyDays: number;
    /** Extra events (planted patterns) per work center id, merged into the simulated stream. */
    plantEvents?: (workCenters: Map<string, string>) => TCanonicalEvent[];
  },
): Promise<TSimulatedLine> {
  const { plant, now } = input;
  const tenant = await db.owner.prisma.tenant.create({ data: plant.tenant, select: { id: true } });
  const tenantId = tenant.id;
  const calendar = buildPlantCalendar(plant, now, input.historyDays);
  const ids = await withTenant(db.app.prisma, tenantId, (tx) => createPlantStructure(tx, tenantId, plant, calendar));
  const first = simulatePlant(plant, calendar, ids.workCenters);
  let events = first.events;
  if (input.after) {
    const switchAt = input.after.switchAt.getTime();
    const second = simulatePlant(input.after.plant, calendar, ids.workCenters);
    events = [
      ...first.events.filter((event) => event.eventTime.getTime() < switchAt),
      ...second.events.filter((event) => event.eventTime.getTime() >= switchAt),
    ];
  }
  events = [...events, ...(input.plantEvents?.(ids.workCenters) ?? [])];
  await withTenant(db.app.prisma, tenantId, (tx) =>
    tx.productionOrder.createMany({
      data: first.orders.map(({ workCenterCode, productSku, ...order }) => ({
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
      changedTo: now.getTime(),
      now: now.getTime(),
    });
  }
  const lineId = await withTenant(db.app.prisma, tenantId, async (tx) => (await tx.line.findFirstOrThrow()).id);
  return { tenantId, lineId, workCenters: ids.workCenters, products: ids.products };
}
