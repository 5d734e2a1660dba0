import type { Database } from "../client";
import { insertEvents } from "../events/insert-events";
import { refreshWorkCenter } from "../execution/refresh-work-center";
import { type Tx, withTenant, withTenantClient } from "../tenant-scope";
import { createPlantStructure, type PlantIds } from "./create-plant-structure";
import { seedDemoChecklists } from "./demo-checklists";
import { DEMO_USERS } from "./demo-users";
import type { PlantDefinition } from "./plant-definition";
import { buildPlantCalendar, type PlantCalendar, simulatePlant } from "./simulate-plant";

export type SeedTenantInput = {
  owner: Database;
  app: Database;
  plant: PlantDefinition;
  /** Ids of the users named in `plant.members`, by email. */
  userIds: ReadonlyMap<string, string>;
  now: Date;
  historyDays: number;
  log: (message: string) => void;
};

export type SeedTenantResult = { tenantId: string; eventCount: number; orderCount: number; workCenterCount: number };

/**
 * Creates one demo tenant: the owner provisions the tenant row (as in production); everything
 * inside it is written by the application role under row-level security. The "tenant.seed"
 * audit entry comes last and marks the seed as complete.
 */
export async function seedTenant(input: SeedTenantInput): Promise<SeedTenantResult> {
  const { plant, app, log } = input;
  const startedAt = performance.now();
  const tenant = await input.owner.prisma.tenant.create({ data: plant.tenant, select: { id: true } });
  const tenantId = tenant.id;
  const calendar = buildPlantCalendar(plant, input.now, input.historyDays);

  const ids = await withTenant(app.prisma, tenantId, (tx) => createPlant(tx, tenantId, input, calendar));
  const simulated = simulatePlant(plant, calendar, ids.workCenters);
  log(`${plant.tenant.slug}: simulated ${simulated.events.length} events in ${elapsed(startedAt)}`);

  await withTenant(app.prisma, tenantId, (tx) =>
    tx.productionOrder.createMany({
      data: simulated.orders.map(({ workCenterCode, productSku, ...order }) => ({
        ...order,
        tenantId,
        workCenterId: ids.workCenters.get(workCenterCode) ?? null,
        productId: requireValue(ids.products, productSku),
      })),
    }),
  );
  const eventCount = await withTenantClient(app.pool, tenantId, (client) =>
    insertEvents(client, tenantId, simulated.events),
  );
  log(
    `${plant.tenant.slug}: stored ${simulated.orders.length} orders and ${eventCount} events in ${elapsed(startedAt)}`,
  );
  // Timelines and OEE buckets of the history, exactly as the worker derives them from live events.
  for (const workCenterId of ids.workCenters.values()) {
    await refreshWorkCenter(app.pool, {
      tenantId,
      workCenterId,
      changedFrom: calendar.from.getTime(),
      changedTo: calendar.now.getTime(),
      now: calendar.now.getTime(),
    });
  }
  log(`${plant.tenant.slug}: derived state timelines and OEE buckets in ${elapsed(startedAt)}`);
  const checklists = await withTenant(app.prisma, tenantId, (tx) =>
    seedDemoChecklists(tx, {
      tenantId,
      now: input.now,
      managerId: input.userIds.get(DEMO_USERS.manager.email) ?? null,
      operatorId: input.userIds.get(DEMO_USERS.operator.email) ?? null,
    }),
  );
  if (checklists.templates > 0) {
    log(`${plant.tenant.slug}: ${checklists.templates} checklists with ${checklists.runs} runs`);
  }

  const workCenterCount = ids.workCenters.size;
  const lineCount = plant.areas.reduce((sum, area) => sum + area.lines.length, 0);
  const after = {
    historyDays: input.historyDays,
    historyFrom: calendar.from.toISOString(),
    historyTo: calendar.now.toISOString(),
    lines: lineCount,
    workCenters: workCenterCount,
    products: plant.products.length,
    orders: simulated.orders.length,
    events: eventCount,
  };
  await withTenant(app.prisma, tenantId, (tx) =>
    tx.auditEntry.create({
      data: {
        tenantId,
        action: "tenant.seed",
        entityType: "Tenant",
        entityId: tenantId,
        summary: `Seeded demo plant ${plant.site.name}: ${lineCount} lines, ${workCenterCount} work centers, ${simulated.orders.length} orders, ${eventCount} events over ${input.historyDays} days`,
        after,
      },
      select: { id: true },
    }),
  );
  return { tenantId, eventCount, orderCount: simulated.orders.length, workCenterCount };
}

const SIMULATED_SIGNAL_TIMEOUT_SECONDS = 20 * 60;

async function createPlant(
  tx: Tx,
  tenantId: string,
  input: SeedTenantInput,
  calendar: PlantCalendar,
): Promise<PlantIds> {
  const { plant } = input;
  await tx.membership.createMany({
    data: plant.members.map((member) => ({
      tenantId,
      userId: requireValue(input.userIds, member.email),
      role: member.role,
    })),
  });
  // The simulated history reports telemetry every 15 minutes and nothing else while a machine
  // waits for work: a shorter timeout would paint those waits UNKNOWN.
  return createPlantStructure(tx, tenantId, plant, calendar, {
    unknownTimeoutSeconds: SIMULATED_SIGNAL_TIMEOUT_SECONDS,
  });
}

function requireValue(map: ReadonlyMap<string, string>, key: string): string {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Seed data refers to unknown ${key}`);
  return value;
}

function elapsed(startedAt: number): string {
  return `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
}
