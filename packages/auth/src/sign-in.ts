import type { PrismaClient } from "@gemba/db/client";
import { AppError } from "@gemba/domain/errors";
import { assertNotThrottled, recordAttempt } from "./login-throttle";
import { normalizeEmail } from "./normalize-email";
import { verifyAgainstDummy, verifyPassword } from "./password";

export type PasswordSignIn = { email: string; password: string; ip: string };
export type SignedInUser = { id: string; email: string; name: string };

const WRONG_CREDENTIALS = "Email or password is incorrect.";

/**
 * Email + password sign-in with throttling. The same message covers unknown accounts and
 * wrong passwords so the form cannot be used to discover who has an account.
 */
export async function signInWithPassword(db: PrismaClient, input: PasswordSignIn): Promise<SignedInUser> {
  const email = normalizeEmail(input.email);
  const key = { email, ip: input.ip };
  await assertNotThrottled(db, key);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true },
  });
  if (!user?.passwordHash) {
    await verifyAgainstDummy(input.password);
    await recordAttempt(db, key, false);
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }
  const valid = await verifyPassword(user.passwordHash, input.password);
  await recordAttempt(db, key, valid);
  if (!valid) throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  if (user.disabledAt) {
    throw new AppError("FORBIDDEN", "This account is disabled. Ask your Gemba admin to re-enable it.");
  }
  return { id: user.id, email: user.email, name: user.name };
}

/**
 * Single sign-on admits only people an admin already invited: the identity provider proves
 * who they are, Gemba's memberships decide what they may see.
 */
export async function findUserForSingleSignOn(db: PrismaClient, email: string): Promise<SignedInUser | null> {
  const user = await db.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, email: true, name: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name };
}
