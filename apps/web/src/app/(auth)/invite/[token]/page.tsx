import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "~/components/auth/accept-invitation-form";
import { AuthMessage } from "~/components/auth/auth-message";
import { Alert } from "~/components/ui/alert";
import { serverApi } from "~/trpc/server";

export const metadata: Metadata = { title: "Accept invitation" };

const INVALID = "This invitation link is not valid. Ask your admin to invite you again.";

type TInvitePageProps = { params: Promise<{ token: string }> };

export default async function InvitePage({ params }: TInvitePageProps) {
  const { token } = await params;
  const api = await serverApi();
  const invitation = await api.onboarding.invitation({ token }).catch((error: unknown) => {
    // NOT_FOUND carries the reason (invalid, expired, used); anything else is a malformed link.
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return { problem: error.message };
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") return { problem: INVALID };
    throw error;
  });

  if ("problem" in invitation) {
    return (
      <AuthMessage title="Invitation unavailable">
        <Alert tone="warning">{invitation.problem}</Alert>
        <p className="muted">
          Invitation links work once and expire after 7 days. If you already set your password,{" "}
          <Link href="/signin">sign in</Link>.
        </p>
      </AuthMessage>
    );
  }
  return <AcceptInvitationForm token={token} invitation={invitation} />;
}
