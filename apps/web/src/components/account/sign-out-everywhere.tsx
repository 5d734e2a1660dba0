"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";

/** Ends every session, this one included — for a lost tablet or a shared password. */
export function SignOutEverywhere() {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const everywhere = useMutation(
    trpc.me.signOutEverywhere.mutationOptions({
      onSuccess: async () => {
        setLeaving(true);
        await signOut({ callbackUrl: "/signin" });
      },
    }),
  );
  return (
    <>
      <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
        Sign out everywhere
      </button>
      <ConfirmDialog
        open={confirming}
        title="Sign out on every device?"
        confirmLabel="Sign out everywhere"
        pendingLabel="Signing out…"
        pending={everywhere.isPending || leaving}
        error={everywhere.error ? apiErrorMessage(everywhere.error) : null}
        onCancel={() => {
          setConfirming(false);
          everywhere.reset();
        }}
        onConfirm={() => everywhere.mutate()}
      >
        Every browser and tablet signed in as you, including this one, is signed out. You will need your password to
        sign in again.
      </ConfirmDialog>
    </>
  );
}
