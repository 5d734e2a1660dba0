import type { PrismaClient } from "@gemba/db/client";
import { withScope } from "@gemba/db/tenant-scope";

/** How long a sign-in lasts without activity. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
// Writing lastSeenAt on every request would turn each page view into a write.
const LAST_SEEN_RESOLUTION_MS = 60_000;

export type ActiveSession = {
  sessionId: string;
  userId: string;
  activeTenantId: string | null;
};

export async function createUserSession(
  db: PrismaClient,
  input: { userId: string; userAgent?: string | null; ip?: string | null },
): Promise<string> {
  const activeTenantId = await defaultTenantFor(db, input.userId);
  const session = await db.userSession.create({
    data: {
      userId: input.userId,
      activeTenantId,
      userAgent: input.userAgent?.slice(0, 400) ?? null,
      ip: input.ip ?? null,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    },
    select: { id: true },
  });
  return session.id;
}

async function defaultTenantFor(db: PrismaClient, userId: string): Promise<string | null> {
  const membership = await withScope(db, { tenantId: null, userId }, (tx) =>
    tx.membership.findFirst({ where: { userId }, orderBy: { createdAt: "asc" }, select: { tenantId: true } }),
  );
  return membership?.tenantId ?? null;
}

/**
 * The check behind every signed-in request: the session row must exist, not be revoked or
 * expired, and belong to an enabled user. Revoking the row therefore signs the browser out
 * on its very next request, whatever its cookie says.
 */
export async function resolveUserSession(db: PrismaClient, sessionId: string): Promise<ActiveSession | null> {
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      userId: true,
      activeTenantId: true,
      revokedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { disabledAt: true } },
    },
  });
  const now = Date.now();
  if (!session || session.revokedAt || session.expiresAt.getTime() <= now || session.user.disabledAt) return null;
  if (now - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    // Sliding expiry: an active browser stays signed in, an idle one expires.
    await db.userSession.update({
      where: { id: session.id },
      data: { lastSeenAt: new Date(now), expiresAt: new Date(now + SESSION_MAX_AGE_SECONDS * 1000) },
    });
  }
  return { sessionId: session.id, userId: session.userId, activeTenantId: session.activeTenantId };
}

export async function revokeUserSession(db: PrismaClient, sessionId: string): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** "Sign out everywhere": every browser of this user must sign in again. */
export async function revokeAllUserSessions(db: PrismaClient, userId: string): Promise<number> {
  const result = await db.userSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return result.count;
}
