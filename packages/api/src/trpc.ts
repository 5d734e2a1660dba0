import { withScope } from "@gemba/db/tenant-scope";
import { AppError, isAppError } from "@gemba/domain/errors";
import type { TRole } from "@gemba/domain/roles";
import { roleAtLeast } from "@gemba/domain/roles";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { Context } from "./context";
import { formatError, trpcCodeFor } from "./format-error";

const t = initTRPC.context<Context>().create({ transformer: superjson, errorFormatter: formatError });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Services throw AppError; this turns it into the matching TRPCError so the HTTP status and
 * server-side callers see NOT_FOUND, FORBIDDEN… rather than an internal error.
 */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeFor[cause.code], message: cause.message, cause });
  }
  return result;
});

/** Anyone, signed in or not (sign-in helpers, invitation acceptance). */
export const publicProcedure = t.procedure.use(mapAppErrors);

/** A valid, unrevoked session. */
export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return next({ ctx: { session: ctx.session } });
});

/**
 * A member of the session's active tenant. The membership is read under the user's own scope
 * (never trusting a tenant id from input), then the procedure runs in one transaction whose
 * tenant is set for row-level security: every query inside sees only this tenant's rows.
 */
export const tenantProcedure = signedInProcedure.use(async ({ ctx, next }) => {
  const { userId, activeTenantId } = ctx.session;
  if (!activeTenantId) {
    throw new AppError("FORBIDDEN", "You are not a member of any plant yet. Ask an admin to invite you.");
  }
  // Side effects that must only happen once the transaction has committed (e.g. telling the
  // worker to re-read a connector): run after withScope resolves, skipped on rollback.
  const afterCommit: (() => Promise<void>)[] = [];
  const outcome = await withScope(ctx.db, { tenantId: activeTenantId, userId }, async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { tenantId: activeTenantId, userId },
      select: { id: true, role: true },
    });
    if (!membership) {
      throw new AppError("FORBIDDEN", "You are no longer a member of this plant. Switch to another one or sign out.");
    }
    const result = await next({
      ctx: {
        tx,
        tenant: { tenantId: activeTenantId, role: membership.role as TRole, membershipId: membership.id },
        afterCommit: (effect: () => Promise<void>) => afterCommit.push(effect),
      },
    });
    // A failed procedure must roll back whatever it wrote: rethrow inside the transaction.
    if (!result.ok) throw result.error;
    return result;
  });
  for (const effect of afterCommit) await effect().catch(() => undefined);
  return outcome;
});

function requireRole(minimum: TRole) {
  return tenantProcedure.use(({ ctx, next }) => {
    if (!roleAtLeast(ctx.tenant.role, minimum)) {
      throw new AppError("FORBIDDEN", `This needs the ${minimum.toLowerCase()} role. Ask an admin of this plant.`);
    }
    return next();
  });
}

export const managerProcedure = requireRole("MANAGER");
export const adminProcedure = requireRole("ADMIN");
