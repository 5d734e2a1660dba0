import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FAILED_ATTEMPTS } from "./login-throttle";
import { hashPassword } from "./password";
import { createUserSession, resolveUserSession, revokeAllUserSessions, revokeUserSession } from "./sessions";
import { signInWithPassword } from "./sign-in";

let db: TestDatabase;
let tenant: TenantFixture;
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = await createTenantFixture(db, "Auth");
  const passwordHash = await hashPassword(PASSWORD);
  for (const role of ["ADMIN", "MANAGER", "OPERATOR"] as const) {
    await db.app.prisma.user.update({ where: { id: tenant.users[role].userId }, data: { passwordHash } });
  }
});

afterAll(async () => {
  await db.drop();
});

describe("password sign-in", () => {
  it("signs in with the right password, whatever the email's case and spacing", async () => {
    const email = ` ${tenant.users.MANAGER.email.toUpperCase()} `;
    const user = await signInWithPassword(db.app.prisma, { email, password: PASSWORD, ip: "10.1.0.1" });
    expect(user.id).toBe(tenant.users.MANAGER.userId);
  });

  it("gives the same answer for a wrong password and an unknown account", async () => {
    const wrong = signInWithPassword(db.app.prisma, {
      email: tenant.users.MANAGER.email,
      password: "nope",
      ip: "10.1.0.2",
    });
    await expect(wrong).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: "Email or password is incorrect." });
    const unknown = signInWithPassword(db.app.prisma, {
      email: "ghost@example.test",
      password: "nope",
      ip: "10.1.0.2",
    });
    await expect(unknown).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: "Email or password is incorrect.",
    });
  });

  it(`blocks an account after ${MAX_FAILED_ATTEMPTS} failures in 15 minutes, even with the right password`, async () => {
    const email = tenant.users.OPERATOR.email;
    for (let attempt = 0; attempt < MAX_FAILED_ATTEMPTS; attempt += 1) {
      // Different IPs: only the per-account limit can trigger.
      await expect(
        signInWithPassword(db.app.prisma, { email, password: "guess", ip: `10.2.0.${attempt}` }),
      ).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    await expect(
      signInWithPassword(db.app.prisma, { email, password: PASSWORD, ip: "10.2.1.1" }),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/Too many failed sign-in attempts\. Try again in 15 minutes/),
    });
  });

  it(`blocks an IP after ${MAX_FAILED_ATTEMPTS} failures across accounts`, async () => {
    const ip = "10.3.0.1";
    for (let attempt = 0; attempt < MAX_FAILED_ATTEMPTS; attempt += 1) {
      await expect(
        signInWithPassword(db.app.prisma, { email: `nobody${attempt}@example.test`, password: "x", ip }),
      ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    await expect(
      signInWithPassword(db.app.prisma, { email: tenant.users.ADMIN.email, password: PASSWORD, ip }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // The same account from another address is still fine.
    await expect(
      signInWithPassword(db.app.prisma, { email: tenant.users.ADMIN.email, password: PASSWORD, ip: "10.3.0.2" }),
    ).resolves.toMatchObject({ id: tenant.users.ADMIN.userId });
  });

  it("refuses a disabled account with a message that says what to do", async () => {
    const user = await db.app.prisma.user.create({
      data: {
        email: "disabled@example.test",
        name: "Disabled",
        passwordHash: await hashPassword(PASSWORD),
        disabledAt: new Date(),
      },
    });
    await expect(
      signInWithPassword(db.app.prisma, { email: user.email, password: PASSWORD, ip: "10.4.0.1" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/disabled/) });
  });
});

describe("sessions", () => {
  it("opens a session on the user's first tenant and resolves it", async () => {
    const sessionId = await createUserSession(db.app.prisma, { userId: tenant.users.ADMIN.userId });
    expect(await resolveUserSession(db.app.prisma, sessionId)).toEqual({
      sessionId,
      userId: tenant.users.ADMIN.userId,
      activeTenantId: tenant.tenantId,
    });
  });

  it("ends one session on sign-out, and every session on sign-out-everywhere, on the next request", async () => {
    const userId = tenant.users.MANAGER.userId;
    const [laptop, tablet, phone] = await Promise.all(
      [1, 2, 3].map(() => createUserSession(db.app.prisma, { userId })),
    );
    if (!laptop || !tablet || !phone) throw new Error("sessions not created");
    await revokeUserSession(db.app.prisma, laptop);
    expect(await resolveUserSession(db.app.prisma, laptop)).toBeNull();
    expect(await resolveUserSession(db.app.prisma, tablet)).not.toBeNull();

    expect(await revokeAllUserSessions(db.app.prisma, userId)).toBeGreaterThanOrEqual(2);
    expect(await resolveUserSession(db.app.prisma, tablet)).toBeNull();
    expect(await resolveUserSession(db.app.prisma, phone)).toBeNull();
  });

  it("treats an expired session as signed out", async () => {
    const sessionId = await createUserSession(db.app.prisma, { userId: tenant.users.OPERATOR.userId });
    await db.app.prisma.userSession.update({
      where: { id: sessionId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await resolveUserSession(db.app.prisma, sessionId)).toBeNull();
  });
});
