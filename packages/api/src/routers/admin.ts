import { verifyAuditChain } from "@gemba/db/audit/verify-audit-chain";
import { listAuditEntries, ZListAuditEntriesInput } from "../services/audit/list-audit-entries";
import { listPendingInvitations } from "../services/invitations/list-invitations";
import { revokeInvitation, ZRevokeInvitationInput } from "../services/invitations/revoke-invitation";
import { inviteMember, ZInviteMemberInput } from "../services/members/invite-member";
import { listMembers } from "../services/members/list-members";
import { removeMember, ZRemoveMemberInput } from "../services/members/remove-member";
import { setMemberRole, ZSetMemberRoleInput } from "../services/members/set-member-role";
import type { TenantActor } from "../services/scope";
import { adminProcedure, router } from "../trpc";

type AdminCtx = { tx: TenantActor["tx"]; session: { userId: string }; tenant: Omit<TenantActor, "tx" | "userId"> };

function actorOf(ctx: AdminCtx): TenantActor {
  return { tx: ctx.tx, userId: ctx.session.userId, ...ctx.tenant };
}

export const adminRouter = router({
  members: adminProcedure.query(({ ctx }) => listMembers(ctx.tx)),
  invite: adminProcedure.input(ZInviteMemberInput).mutation(({ ctx, input }) => inviteMember(actorOf(ctx), input)),
  setRole: adminProcedure.input(ZSetMemberRoleInput).mutation(({ ctx, input }) => setMemberRole(actorOf(ctx), input)),
  removeMember: adminProcedure
    .input(ZRemoveMemberInput)
    .mutation(({ ctx, input }) => removeMember(actorOf(ctx), input)),
  invitations: adminProcedure.query(({ ctx }) => listPendingInvitations(ctx.tx)),
  revokeInvitation: adminProcedure
    .input(ZRevokeInvitationInput)
    .mutation(({ ctx, input }) => revokeInvitation(actorOf(ctx), input)),
  audit: adminProcedure.input(ZListAuditEntriesInput).query(({ ctx, input }) => listAuditEntries(ctx.tx, input)),
  /** Re-computes the tenant's audit hash chain and names the first entry that does not hold. */
  verifyAudit: adminProcedure.query(({ ctx }) => verifyAuditChain(ctx.tx)),
});
