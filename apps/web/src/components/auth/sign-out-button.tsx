"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { SignOutIcon } from "~/components/ui/icons";

export function SignOutButton({ className }: { className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={className ?? "btn"}
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/signin" });
      }}
    >
      <SignOutIcon />
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
