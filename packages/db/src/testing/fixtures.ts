import { randomBytes } from "node:crypto";
import type { Database } from "../client";
import type { Role } from "../generated/prisma/enums";
import { withTenant } from "../tenant-scope";

export type TenantFixture = {
  tenantId: string;
  siteId: string;
  areaId: string;
  lineId: string;
  workCenterId: string;
  productId: string;
  orderId: string;
  users: Record<Role, { userId: string; membershipId: string; email: string }>;
};

const roles: Role[] = ["ADMIN", "MANAGER", "OPERATOR"];

/**
 * A small but complete tenant: one of each hierarchy level, a product, an order, an event,
 * an audit entry and a user per role. Tenants are provisioned by the owner (as in production);
 * everything inside the tenant is written through the application role under RLS.
 */
export async function createTenantFixture(
  db: { app: Database; owner: Database },
  label: string,
): Promise<TenantFixture> {
  const suffix = randomBytes(3).toString("hex");
  const tenant = await db.owner.prisma.tenant.create({
    data: { slug: `${label.toLowerCase()}-${suffix}`, name: `${label} Manufacturing` },
    select: { id: true },
  });
  const tenantId = tenant.id;
  const userRows = await Promise.all(
    roles.map((role) =>
      db.app.prisma.user.create({
        data: {
          email: `${role.toLowerCase()}.${label.toLowerCase()}.${suffix}@example.test`,
          name: `${label} ${role}`,
        },
        select: { id: true, email: true },
      }),
    ),
  );

  return withTenant(db.app.prisma, tenantId, async (tx) => {
    const site = await tx.site.create({
      data: { tenantId, code: `S-${suffix}`, name: `${label} Site`, timeZone: "Europe/Berlin" },
    });
    const area = await tx.area.create({ data: { tenantId, siteId: site.id, code: `A-${suffix}`, name: "Assembly" } });
    const line = await tx.line.create({ data: { tenantId, areaId: area.id, code: `L-${suffix}`, name: "Line 1" } });
    const workCenter = await tx.workCenter.create({
      data: { tenantId, lineId: line.id, code: `WC-${suffix}`, name: "Press 1", sequence: 1 },
    });
    const product = await tx.product.create({
      data: { tenantId, sku: `P-${suffix}`, name: "Bracket", idealCycleTimeSeconds: 12 },
    });
    const order = await tx.productionOrder.create({
      data: {
        tenantId,
        // Never numeric: connector tests sync ERP orders numbered 1000…, and must not see this one.
        externalId: `FX-${suffix}`,
        productId: product.id,
        workCenterId: workCenter.id,
        quantity: 500,
        status: "RELEASED",
        dueAt: new Date(Date.now() + 86_400_000),
      },
    });
    await tx.event.create({
      data: {
        tenantId,
        workCenterId: workCenter.id,
        kind: "machine.state",
        eventTime: new Date(),
        sourceId: "fixture",
        dedupeKey: `state-${suffix}`,
        payload: { state: "RUNNING" },
      },
    });
    await tx.auditEntry.create({
      data: { tenantId, action: "site.create", entityType: "Site", entityId: site.id, summary: "Fixture site" },
    });
    const users = {} as TenantFixture["users"];
    for (const [index, role] of roles.entries()) {
      const user = userRows[index];
      if (!user) throw new Error("fixture user missing");
      const membership = await tx.membership.create({ data: { tenantId, userId: user.id, role } });
      users[role] = { userId: user.id, membershipId: membership.id, email: user.email };
    }
    return {
      tenantId,
      siteId: site.id,
      areaId: area.id,
      lineId: line.id,
      workCenterId: workCenter.id,
      productId: product.id,
      orderId: order.id,
      users,
    };
  });
}
