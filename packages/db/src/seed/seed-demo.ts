import { AppError } from "@gemba/domain/errors";
import type { Database } from "../client";
import { withTenant } from "../tenant-scope";
import { DEMO_PASSWORD, DEMO_PLANTS, DEMO_USERS, RIVERSIDE_PLANT } from "./demo-plant";
import type { PlantDefinition } from "./plant-definition";
import { seedTenant } from "./seed-tenant";

export type SeedDemoOptions = {
  /** Owner connection: provisions tenant rows (Tenant is not writable by the application role). */
  owner: Database;
  /** Application connection: everything inside a tenant, under row-level security. */
  app: Database;
  /** From packages/auth; passed in so packages/db does not depend on it. */
  hashPassword: (plain: string) => Promise<string>;
  /** End of the simulated history; defaults to the current time. */
  now?: Date;
  /** Days of history for the main demo tenant (default 30); the small tenant gets at most 3. */
  historyDays?: number;
  log?: (message: string) => void;
};

export type SeededTenant = {
  slug: string;
  name: string;
  tenantId: string;
  /** Created by this call. */
  created: boolean;
  /** False when an earlier seed of this tenant stopped before its "tenant.seed" audit entry. */
  complete: boolean;
  /** Events stored by this call. */
  eventCount: number;
};

export type SeedDemoResult = {
  /** Whether this call created the demo tenant; false means it existed and nothing was done. */
  created: boolean;
  tenants: SeededTenant[];
  eventCount: number;
};

/**
 * Seeds the demo tenants, their users and a simulated history. Idempotent: when the `demo`
 * tenant exists, nothing is written and `created` is false.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<SeedDemoResult> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => undefined);
  const existing = await options.owner.prisma.tenant.findMany({
    where: { slug: { in: DEMO_PLANTS.map((plant) => plant.tenant.slug) } },
    select: { id: true, slug: true, name: true },
  });
  const describeExisting = async (tenant: (typeof existing)[number]): Promise<SeededTenant> => {
    const complete = await isSeedComplete(options.app, tenant.id);
    if (!complete) log(`${tenant.slug}: exists but its seed did not finish; reset the database to seed it again`);
    return { slug: tenant.slug, name: tenant.name, tenantId: tenant.id, created: false, complete, eventCount: 0 };
  };
  if (existing.some((tenant) => tenant.slug === RIVERSIDE_PLANT.tenant.slug)) {
    const tenants: SeededTenant[] = [];
    for (const tenant of existing) tenants.push(await describeExisting(tenant));
    log("Demo tenant exists; nothing to seed");
    return { created: false, tenants, eventCount: 0 };
  }

  const userIds = await ensureDemoUsers(options.app, options.hashPassword);
  const tenants: SeededTenant[] = [];
  for (const plant of DEMO_PLANTS) {
    const found = existing.find((tenant) => tenant.slug === plant.tenant.slug);
    if (found) {
      tenants.push(await describeExisting(found));
      continue;
    }
    const historyDays = historyDaysFor(plant, options.historyDays);
    log(`${plant.tenant.slug}: seeding ${plant.tenant.name} with ${historyDays} days of history`);
    const result = await seedTenant({ owner: options.owner, app: options.app, plant, userIds, now, historyDays, log });
    tenants.push({
      ...plant.tenant,
      tenantId: result.tenantId,
      created: true,
      complete: true,
      eventCount: result.eventCount,
    });
  }
  const eventCount = tenants.reduce((sum, tenant) => sum + tenant.eventCount, 0);
  return { created: true, tenants, eventCount };
}

function historyDaysFor(plant: PlantDefinition, requested: number | undefined): number {
  if (requested === undefined) return plant.defaultHistoryDays;
  if (!Number.isInteger(requested) || requested < 0) {
    throw new AppError("BAD_REQUEST", `historyDays must be a whole number of days, 0 or more (got ${requested})`);
  }
  return plant === RIVERSIDE_PLANT ? requested : Math.min(requested, plant.defaultHistoryDays);
}

/** Users are global rows; existing ones (same email) are reused and keep their password. */
async function ensureDemoUsers(
  app: Database,
  hashPassword: (plain: string) => Promise<string>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const user of Object.values(DEMO_USERS)) {
    const found = await app.prisma.user.findUnique({ where: { email: user.email }, select: { id: true } });
    const row =
      found ??
      (await app.prisma.user.create({
        data: { email: user.email, name: user.name, passwordHash: await hashPassword(DEMO_PASSWORD) },
        select: { id: true },
      }));
    ids.set(user.email, row.id);
  }
  return ids;
}

async function isSeedComplete(app: Database, tenantId: string): Promise<boolean> {
  const entries = await withTenant(app.prisma, tenantId, (tx) =>
    tx.auditEntry.count({ where: { action: "tenant.seed" } }),
  );
  return entries > 0;
}
