import { createUserSession } from "@gemba/auth/sessions";
import { signInWithPassword } from "@gemba/auth/sign-in";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../root";

let db: TestDatabase;
let plant: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createTenantFixture(db, "Plant");
  other = await createTenantFixture(db, "Other");
});

afterAll(async () => {
  await db.drop();
});

async function adminCaller() {
  const userId = plant.users.ADMIN.userId;
  const sessionId = await createUserSession(db.app.prisma, { userId });
  return createCaller({
    db: db.app.prisma,
    session: { sessionId, userId, activeTenantId: plant.tenantId },
    requestId: "t",
  });
}

const auditActions = () =>
  withTenant(db.app.prisma, plant.tenantId, (tx) =>
    tx.auditEntry.findMany({ orderBy: { id: "asc" }, select: { action: true, actorId: true, summary: true } }),
  );

describe("member administration", () => {
  it("invites a new person, who accepts with a password and can then sign in — all audited", async () => {
    const admin = await adminCaller();
    const invited = await admin.admin.invite({ email: "New.Hire@Plant.Example", name: "New Hire", role: "OPERATOR" });
    if (invited.kind !== "invited") throw new Error("expected an invitation link");
    const token = invited.invitePath.replace("/invite/", "");

    const anonymous = createCaller({ db: db.app.prisma, session: null, requestId: "anon" });
    await expect(anonymous.onboarding.invitation({ token })).resolves.toMatchObject({
      email: "new.hire@plant.example",
      role: "OPERATOR",
      plant: "Plant Manufacturing",
    });
    await expect(
      anonymous.onboarding.acceptInvitation({ token, name: "New Hire", password: "short" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await anonymous.onboarding.acceptInvitation({ token, name: "New Hire", password: "a good long password" });
    await expect(anonymous.onboarding.invitation({ token })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const user = await signInWithPassword(db.app.prisma, {
      email: "new.hire@plant.example",
      password: "a good long password",
      ip: "10.9.0.1",
    });
    const members = await admin.admin.members();
    expect(members.find((m) => m.userId === user.id)?.role).toBe("OPERATOR");
    expect((await auditActions()).map((a) => a.action)).toEqual(
      expect.arrayContaining(["member.invite", "member.join"]),
    );
  });

  it("adds someone who already has an account at once", async () => {
    const admin = await adminCaller();
    const result = await admin.admin.invite({
      email: other.users.MANAGER.email,
      name: "Other Manager",
      role: "MANAGER",
    });
    expect(result).toEqual({ kind: "added", email: other.users.MANAGER.email });
    await expect(
      admin.admin.invite({ email: other.users.MANAGER.email, name: "Other Manager", role: "MANAGER" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already a member/) });
  });

  it("changes roles and removes members, with the change and the actor in the audit log", async () => {
    const admin = await adminCaller();
    await admin.admin.setRole({ membershipId: plant.users.OPERATOR.membershipId, role: "MANAGER" });
    await admin.admin.removeMember({ membershipId: plant.users.MANAGER.membershipId });
    const entries = await auditActions();
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: "member.role_change", actorId: plant.users.ADMIN.userId }),
        expect.objectContaining({ action: "member.remove", actorId: plant.users.ADMIN.userId }),
      ]),
    );
  });

  it("never leaves a plant without an admin", async () => {
    const admin = await adminCaller();
    await expect(
      admin.admin.setRole({ membershipId: plant.users.ADMIN.membershipId, role: "OPERATOR" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/last admin/) });
    await expect(admin.admin.removeMember({ membershipId: plant.users.ADMIN.membershipId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("counts only this plant's admins, even for someone who is admin elsewhere too", async () => {
    await withTenant(db.app.prisma, other.tenantId, (tx) =>
      tx.membership.create({ data: { tenantId: other.tenantId, userId: plant.users.ADMIN.userId, role: "ADMIN" } }),
    );
    const admin = await adminCaller();
    const members = await admin.admin.members();
    expect(members.filter((m) => m.userId === plant.users.ADMIN.userId)).toHaveLength(1);
    await expect(
      admin.admin.setRole({ membershipId: plant.users.ADMIN.membershipId, role: "OPERATOR" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("rolls back the whole procedure when it fails half-way", async () => {
    const before = (await auditActions()).length;
    const admin = await adminCaller();
    await expect(admin.admin.removeMember({ membershipId: plant.users.ADMIN.membershipId })).rejects.toBeDefined();
    expect((await auditActions()).length).toBe(before);
  });
});
