import type { Database } from "@gemba/db/client";
import { seedReasonTree } from "@gemba/db/reasons/seed-reason-tree";
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
 * everything inside it is written by the application role under row-level security. Work
 * centers keep the default unknown-signal timeout: the bench's telemetry never falls silent.
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
    await seedReasonTree(tx, tenantId);
    await tx.membership.create({ data: { tenantId, userId: manager.id, role: "MANAGER" }, select: { id: true } });
    const site = await tx.site.create({ data: { tenantId, ...plant.site }, select: { id: true } });
    const workCenters = new Map<string, string>();
    for (const area of plant.areas) {
      const areaRow = await tx.area.create({
        data: { tenantId, siteId: site.id, code: area.code, name: area.name },
        select: { id: true },
      });
      for (const line of area.lines) {
        const lineRow = await tx.line.create({
          data: { tenantId, areaId: areaRow.id, code: line.code, name: line.name },
          select: { id: true },
        });
        const rows = await tx.workCenter.createManyAndReturn({
          data: line.workCenters.map((wc, index) => ({
            tenantId,
            lineId: lineRow.id,
            code: wc.code,
            name: wc.name,
            sequence: index + 1,
          })),
          select: { id: true, code: true },
        });
        for (const row of rows) workCenters.set(row.code, row.id);
      }
    }
    const products = await tx.product.createManyAndReturn({
      data: plant.products.map((product) => ({ tenantId, ...product })),
      select: { id: true, sku: true },
    });

    // Valid from the first simulated day, so every simulated shift falls under this pattern.
    const pattern = await tx.shiftPattern.create({
      data: {
        tenantId,
        siteId: site.id,
        name: plant.shiftPattern.name,
        validFrom: new Date(`${calendar.firstDay}T00:00:00Z`),
      },
      select: { id: true },
    });
    for (const shift of plant.shiftPattern.shifts) {
      const { breaks, ...definition } = shift;
      const shiftRow = await tx.shift.create({
        data: { tenantId, patternId: pattern.id, ...definition },
        select: { id: true },
      });
      await tx.shiftBreak.createMany({ data: breaks.map((b) => ({ tenantId, shiftId: shiftRow.id, ...b })) });
    }
    await tx.noShiftPeriod.createMany({
      data: calendar.noShiftPeriods.map((period) => ({
        tenantId,
        siteId: site.id,
        kind: period.kind,
        reason: period.reason,
        startsAt: period.start,
        endsAt: period.end,
      })),
    });
    return {
      tenantId,
      managerUserId: manager.id,
      workCenters,
      products: new Map(products.map((product) => [product.sku, product.id])),
    };
  });
}
