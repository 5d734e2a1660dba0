import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthMessage } from "~/components/auth/auth-message";
import { ChoosePlantList } from "~/components/auth/choose-plant-list";
import { SignOutButton } from "~/components/auth/sign-out-button";
import { homePathFor, requireSignedIn } from "~/server/auth-guards";

export const metadata: Metadata = { title: "No plant" };

/** Signed in, but not looking at any plant: either pick one, or there is none to pick yet. */
export default async function NoPlantPage() {
  const me = await requireSignedIn();
  if (me.active) redirect(homePathFor(me.active.role));

  if (me.tenants.length > 0) {
    return (
      <AuthMessage title="Choose a plant">
        <p className="muted">
          You belong to more than one plant. Pick the one you want to work in; you can switch later.
        </p>
        <ChoosePlantList tenants={me.tenants} />
        <SignOutButton className="btn btn-ghost" />
      </AuthMessage>
    );
  }

  return (
    <AuthMessage title="You are not part of a plant yet">
      <p className="muted">
        You are signed in as <strong>{me.user.email}</strong>, but no plant has given this account access. Gemba shows a
        plant&apos;s data only to the people its admins invite.
      </p>
      <p className="muted">
        Ask an admin of your plant to invite this email address, or to add you if they already did. Then sign in again.
      </p>
      <SignOutButton className="btn btn-block btn-lg" />
    </AuthMessage>
  );
}
