import type { Metadata } from "next";
import { InviteForm } from "~/components/admin/invite-form";
import { MembersTable } from "~/components/admin/members-table";
import { PendingInvitations } from "~/components/admin/pending-invitations";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const me = await requireRole("ADMIN");
  return (
    <>
      <InviteForm />
      <MembersTable currentUserId={me.user.id} />
      <PendingInvitations />
    </>
  );
}
