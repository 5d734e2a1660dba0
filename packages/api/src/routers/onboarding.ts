import {
  acceptInvitation,
  lookupInvitation,
  ZAcceptInvitationInput,
  ZInvitationTokenInput,
} from "../services/invitations/accept-invitation";
import { publicProcedure, router } from "../trpc";

/** Reached from an invitation link, before the person has an account. */
export const onboardingRouter = router({
  invitation: publicProcedure.input(ZInvitationTokenInput).query(({ ctx, input }) => lookupInvitation(ctx.db, input)),
  acceptInvitation: publicProcedure
    .input(ZAcceptInvitationInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, input)),
});
