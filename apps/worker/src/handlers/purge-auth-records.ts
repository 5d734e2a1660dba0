import type { JobHandler } from "./types";

/** Keeps the sign-in tables small: ended sessions and old sign-in attempts are deleted. */
export const purgeAuthRecords: JobHandler<"maintenance.purge-auth-records"> = async (payload, { db, log }) => {
  const now = Date.now();
  const sessionCutoff = new Date(now - payload.sessionRetentionDays * 86_400_000);
  const attemptCutoff = new Date(now - payload.loginAttemptRetentionHours * 3_600_000);
  const [sessions, attempts] = await Promise.all([
    db.prisma.userSession.deleteMany({
      where: { OR: [{ expiresAt: { lt: sessionCutoff } }, { revokedAt: { lt: sessionCutoff } }] },
    }),
    db.prisma.loginAttempt.deleteMany({ where: { createdAt: { lt: attemptCutoff } } }),
  ]);
  log.info({ sessions: sessions.count, loginAttempts: attempts.count }, "purged sign-in records");
  return { sessions: sessions.count, loginAttempts: attempts.count };
};
