import type { ActiveSession } from "@gemba/auth/sessions";
import { revokeAllUserSessions } from "@gemba/auth/sessions";
import type { PrismaClient } from "@gemba/db/client";
import { AppError } from "@gemba/domain/errors";
import { z } from "zod";

/** Browsers where this user is signed in, newest activity first. */
export async function listMySessions(db: PrismaClient, session: ActiveSession) {
  const sessions = await db.userSession.findMany({
    where: { userId: session.userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ip: true },
  });
  return sessions.map((row) => ({ ...row, current: row.id === session.sessionId }));
}

export const ZRevokeSessionInput = z.object({ sessionId: z.uuid() });

export async function revokeMySession(
  db: PrismaClient,
  session: ActiveSession,
  input: z.infer<typeof ZRevokeSessionInput>,
) {
  // Filtering by the owner turns someone else's session id into "not found", not a revocation.
  const result = await db.userSession.updateMany({
    where: { id: input.sessionId, userId: session.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (result.count === 0) throw new AppError("NOT_FOUND", "That session has already ended.");
  return { revoked: input.sessionId };
}

/** Ends every session of this user, this browser included. */
export async function signOutEverywhere(db: PrismaClient, session: ActiveSession) {
  const revoked = await revokeAllUserSessions(db, session.userId);
  return { revoked };
}
