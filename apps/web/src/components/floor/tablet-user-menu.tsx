"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useCallback, useRef, useState } from "react";
import { DashboardIcon, SignOutIcon } from "~/components/ui/icons";
import type { TMe } from "~/lib/api-types";
import { useDismiss } from "~/lib/use-dismiss";
import { useOfflineQueue } from "./offline-queue/use-offline-queue";
import styles from "./tablet-user-menu.module.css";

type TTabletUserMenuProps = { user: TMe["user"]; plantName: string; showDashboard: boolean };

function initialsOf(name: string, email: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    parts.length > 1 ? `${parts[0]?.[0] ?? ""}${parts.at(-1)?.[0] ?? ""}` : (parts[0] ?? email).slice(0, 2);
  return letters.toUpperCase();
}

/** Who is signed in on this tablet; signing out says what stays unsent (it is kept for their next sign-in). */
export function TabletUserMenu({ user, plantName, showDashboard }: TTabletUserMenuProps) {
  const queue = useOfflineQueue();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);
  const unsent = queue.actions.length;

  return (
    <div className={styles.wrap} ref={ref}>
      <button
        type="button"
        className={styles.avatar}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Signed in as ${user.name}`}
        onClick={() => setOpen((value) => !value)}
      >
        {initialsOf(user.name, user.email)}
      </button>
      {open ? (
        <div className={styles.menu} role="menu" aria-label="Your account">
          <div className={styles.who}>
            <strong>{user.name}</strong>
            <span>{user.email}</span>
            <span>{plantName}</span>
          </div>
          {showDashboard ? (
            <Link href="/dashboard" role="menuitem" className={styles.item} onClick={close}>
              <DashboardIcon /> Open the dashboard
            </Link>
          ) : null}
          {unsent > 0 ? (
            <p className={styles.warning}>
              {unsent} {unsent === 1 ? "action has" : "actions have"} not reached Gemba yet. They stay on this tablet
              and are sent when you sign in here again.
            </p>
          ) : null}
          <button
            type="button"
            role="menuitem"
            className={styles.item}
            disabled={signingOut}
            onClick={() => {
              setSigningOut(true);
              void signOut({ callbackUrl: "/signin" });
            }}
          >
            <SignOutIcon /> {signingOut ? "Signing out…" : "Sign out"}
          </button>
        </div>
      ) : null}
    </div>
  );
}
