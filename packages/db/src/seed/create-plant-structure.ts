import { seedReasonTree } from "../reasons/seed-reason-tree";
import type { Tx } from "../tenant-scope";
import type { PlantDefinition } from "./plant-definition";
import type { PlantCalendar } from "./simulate-plant";

export type PlantIds = { workCenters: Map<string, string>; products: Map<string, string> };

/**
 * A plant's master data inside its tenant (the caller's tenant transaction): the reason tree, the
 * site → area → line → work center hierarchy, products, the shift pattern and the no-shift periods.
 * Shared by the demo seed and the dashboard benchmark, so both build the plant the same way.
 */
export async function createPlantStructure(
  tx: Tx,
  tenantId: string,
  plant: PlantDefinition,
  calendar: PlantCalendar,
  options: { unknownTimeoutSeconds?: number } = {},
): Promise<PlantIds> {
  await seedReasonTree(tx, tenantId);
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
          ...(options.unknownTimeoutSeconds === undefined
            ? {}
            : { unknownTimeoutSeconds: options.unknownTimeoutSeconds }),
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
  const validFrom = new Date(`${calendar.firstDay}T00:00:00Z`);
  const pattern = await tx.shiftPattern.create({
    data: { tenantId, siteId: site.id, name: plant.shiftPattern.name, validFrom },
    select: { id: true },
  });
  for (const shift of plant.shiftPattern.shifts) {
    const shiftRow = await tx.shift.create({
      data: {
        tenantId,
        patternId: pattern.id,
        name: shift.name,
        weekdays: shift.weekdays,
        startMinute: shift.startMinute,
        durationMinutes: shift.durationMinutes,
      },
      select: { id: true },
    });
    await tx.shiftBreak.createMany({ data: shift.breaks.map((b) => ({ tenantId, shiftId: shiftRow.id, ...b })) });
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
  return { workCenters, products: new Map(products.map((product) => [product.sku, product.id])) };
}
