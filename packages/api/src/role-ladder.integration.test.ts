import { createUserSession } from "@gemba/auth/sessions";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "./root";

let db: TestDatabase;
let alpha: TenantFixture;
let beta: TenantFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  alpha = await createTenantFixture(db, "Alpha");
  beta = await createTenantFixture(db, "Beta");
});

afterAll(async () => {
  await db.drop();
});

async function callerFor(userId: string) {
  const sessionId = await createUserSession(db.app.prisma, { userId });
  const session = await db.app.prisma.userSession.findUniqueOrThrow({ where: { id: sessionId } });
  return createCaller({
    db: db.app.prisma,
    session: { sessionId, userId, activeTenantId: session.activeTenantId },
    requestId: "role-ladder-test",
  });
}

describe("role ladder: public → signed in → member → manager → admin", () => {
  it("refuses tenant procedures without a session", async () => {
    const anonymous = createCaller({ db: db.app.prisma, session: null, requestId: "anon" });
    await expect(anonymous.plant.tree()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.me.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lets an operator see the plant tree but not the manager dashboard or admin pages", async () => {
    const operator = await callerFor(alpha.users.OPERATOR.userId);
    const tree = await operator.plant.tree();
    expect(tree[0]?.areas[0]?.lines[0]?.workCenters[0]?.id).toBe(alpha.workCenterId);
    await expect(operator.plant.summary()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(operator.admin.members()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets a manager see the dashboard but not administer members", async () => {
    const manager = await callerFor(alpha.users.MANAGER.userId);
    await expect(manager.plant.summary()).resolves.toMatchObject({ workCenters: 1, openOrders: 1 });
    await expect(manager.admin.invite({ email: "x@example.test", name: "X", role: "OPERATOR" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("lets a person who belongs to two tenants switch, and then see only the other tenant", async () => {
    // The Alpha admin is also invited into Beta as an operator.
    await withTenant(db.app.prisma, beta.tenantId, (tx) =>
      tx.membership.create({ data: { tenantId: beta.tenantId, userId: alpha.users.ADMIN.userId, role: "OPERATOR" } }),
    );
    const sessionId = await createUserSession(db.app.prisma, { userId: alpha.users.ADMIN.userId });
    const asAlpha = createCaller({
      db: db.app.prisma,
      session: { sessionId, userId: alpha.users.ADMIN.userId, activeTenantId: alpha.tenantId },
      requestId: "switch",
    });
    const me = await asAlpha.me.get();
    expect(me.tenants.map((t) => t.tenantId).sort()).toEqual([alpha.tenantId, beta.tenantId].sort());
    expect(me.active?.role).toBe("ADMIN");

    await asAlpha.me.switchTenant({ tenantId: beta.tenantId });
    const stored = await db.app.prisma.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(stored.activeTenantId).toBe(beta.tenantId);
    const asBeta = createCaller({
      db: db.app.prisma,
      session: { sessionId, userId: alpha.users.ADMIN.userId, activeTenantId: beta.tenantId },
      requestId: "switch",
    });
    const tree = await asBeta.plant.tree();
    expect(tree.map((site) => site.id)).toEqual([beta.siteId]);
    // Operator in Beta: admin pages are closed there even though they are admin in Alpha.
    await expect(asBeta.admin.members()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("takes effect immediately when a member is removed", async () => {
    const operator = await callerFor(alpha.users.OPERATOR.userId);
    await expect(operator.plant.tree()).resolves.toHaveLength(1);
    const admin = await callerFor(alpha.users.ADMIN.userId);
    await admin.admin.removeMember({ membershipId: alpha.users.OPERATOR.membershipId });
    await expect(operator.plant.tree()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
