import type { PrismaClient } from "@gemba/db/client";
import { AppError } from "@gemba/domain/errors";

/** At most this many failed sign-ins per account and per IP address within the window. */
export const MAX_FAILED_ATTEMPTS = 10;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

type AttemptKey = { email: string; ip: string };

/**
 * Refuses a sign-in before the password is even checked when the account or the IP has
 * failed too often recently. An account's counter restarts after a successful sign-in;
 * an IP's does not (one address guessing many accounts is the attack to stop).
 */
export async function assertNotThrottled(db: PrismaClient, key: AttemptKey, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email: key.email, succeeded: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountSince = lastSuccess && lastSuccess.createdAt > since ? lastSuccess.createdAt : since;
  const [accountFailures, ipFailures] = await Promise.all([
    failuresSince(db, { email: key.email }, accountSince),
    failuresSince(db, { ip: key.ip }, since),
  ]);
  const blocking = [accountFailures, ipFailures].find((failures) => failures.length >= MAX_FAILED_ATTEMPTS);
  if (!blocking) return;

  // The oldest failure that still counts decides when the window frees a slot.
  const oldestCounted = blocking[blocking.length - MAX_FAILED_ATTEMPTS];
  const retryAt = (oldestCounted?.getTime() ?? now.getTime()) + THROTTLE_WINDOW_MS;
  const minutes = Math.max(1, Math.ceil((retryAt - now.getTime()) / 60_000));
  throw new AppError(
    "TOO_MANY_REQUESTS",
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or ask your admin to reset your password.`,
  );
}

async function failuresSince(
  db: PrismaClient,
  where: { email: string } | { ip: string },
  since: Date,
): Promise<Date[]> {
  const rows = await db.loginAttempt.findMany({
    where: { ...where, succeeded: false, createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
    take: 1_000,
  });
  return rows.map((row) => row.createdAt);
}

export async function recordAttempt(db: PrismaClient, key: AttemptKey, succeeded: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email: key.email, ip: key.ip, succeeded } });
}
