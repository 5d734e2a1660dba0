import type { Metadata } from "next";
import { ProfileCard } from "~/components/account/profile-card";
import { SessionsList } from "~/components/account/sessions-list";
import { PageHeader } from "~/components/ui/page-header";
import { requireSignedIn } from "~/server/auth-guards";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const me = await requireSignedIn();
  return (
    <div className="page">
      <PageHeader title="Your account" description="Your profile, your plants and the devices signed in as you." />
      <ProfileCard user={me.user} tenants={me.tenants} activeTenantId={me.active?.tenantId ?? null} />
      <SessionsList />
    </div>
  );
}
