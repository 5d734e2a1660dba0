import { getMe } from "../services/me/get-me";
import {
  listMySessions,
  revokeMySession,
  signOutEverywhere,
  ZRevokeSessionInput,
} from "../services/me/manage-sessions";
import { switchTenant, ZSwitchTenantInput } from "../services/me/switch-tenant";
import { router, signedInProcedure } from "../trpc";

export const meRouter = router({
  get: signedInProcedure.query(({ ctx }) => getMe(ctx.db, ctx.session)),
  switchTenant: signedInProcedure
    .input(ZSwitchTenantInput)
    .mutation(({ ctx, input }) => switchTenant(ctx.db, ctx.session, input)),
  sessions: signedInProcedure.query(({ ctx }) => listMySessions(ctx.db, ctx.session)),
  revokeSession: signedInProcedure
    .input(ZRevokeSessionInput)
    .mutation(({ ctx, input }) => revokeMySession(ctx.db, ctx.session, input)),
  signOutEverywhere: signedInProcedure.mutation(({ ctx }) => signOutEverywhere(ctx.db, ctx.session)),
});
