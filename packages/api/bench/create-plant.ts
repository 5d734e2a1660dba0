import type { Database } from "@gemba/db/client";
import { createPlantStructure } from "@gemba/db/seed/create-plant-structure";
import type { PlantDefinition } from "@gemba/db/seed/plant-definition";
import type { PlantCalendar } from "@gemba/db/seed/simulate-plant";
import { withTenant } from "@gemba/db/tenant-scope";
import { BENCH_MANAGER } from "./bench-plant";

export type BenchPlantIds = {
  tenantId: string;
  managerUserId: string;
  /** Work center ids by code, in the plant definition's order. */
  workCenters: Map<string, string>;
  products: Map<string, string>;
};

/**
 * The plant's master data, as the demo seed creates it: the owner provisions the tenant row,
 * everything inside it is written by the application role under row-level security.
 */
export async function createBenchPlant(
  db: { app: Database; owner: Database },
  plant: PlantDefinition,
  calendar: PlantCalendar,
): Promise<BenchPlantIds> {
  const { id: tenantId } = await db.owner.prisma.tenant.create({ data: plant.tenant, select: { id: true } });
  const manager =
    (await db.app.prisma.user.findUnique({ where: { email: BENCH_MANAGER.email }, select: { id: true } })) ??
    (await db.app.prisma.user.create({ data: { ...BENCH_MANAGER }, select: { id: true } }));

  return withTenant(db.app.prisma, tenantId, async (tx) => {
    await tx.membership.create({ data: { tenantId, userId: manager.id, role: "MANAGER" }, select: { id: true } });
    // The bench's telemetry never falls silent: work centers keep the default unknown-signal timeout.
    const ids = await createPlantStructure(tx, tenantId, plant, calendar);
    return { tenantId, managerUserId: manager.id, ...ids };
  });
}
