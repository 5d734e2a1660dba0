import type { ActiveSession } from "@gemba/auth/sessions";
import type { PrismaClient } from "@gemba/db/client";
import type { PlatformServices } from "./platform";

/**
 * What every procedure starts from. The session has already been checked against its
 * database row (revocation takes effect here), but the tenant is not trusted yet: the
 * tenant middleware re-reads the membership.
 */
export type Context = {
  db: PrismaClient;
  session: ActiveSession | null;
  /** Lets procedures that change the sign-in (switching tenant) tell the app to refresh. */
  requestId: string;
  /** Queues, Redis and the secrets key; absent where no procedure needs them (some tests). */
  platform?: PlatformServices;
};
