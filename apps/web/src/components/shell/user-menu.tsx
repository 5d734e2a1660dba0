"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useCallback, useRef, useState } from "react";
import { SignOutIcon, UserIcon } from "~/components/ui/icons";
import type { TMe } from "~/lib/api-types";
import { useDismiss } from "~/lib/use-dismiss";
import styles from "./sidebar.module.css";

function initialsOf(name: string, email: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    parts.length > 1 ? `${parts[0]?.[0] ?? ""}${parts.at(-1)?.[0] ?? ""}` : (parts[0] ?? email).slice(0, 2);
  return letters.toUpperCase();
}

export function UserMenu({ user }: { user: TMe["user"] }) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);

  return (
    <div className={styles.userWrap} ref={ref}>
      {open ? (
        <div className={`${styles.menu} ${styles.menuUp}`} role="menu" aria-label="Your account">
          <Link href="/account" role="menuitem" className={styles.menuItem} onClick={close}>
            <span className={styles.menuItemText}>
              <span>
                <UserIcon className={styles.menuIcon} /> Account and sessions
              </span>
            </span>
          </Link>
          <button
            type="button"
            role="menuitem"
            className={styles.menuItem}
            disabled={signingOut}
            onClick={() => {
              setSigningOut(true);
              void signOut({ callbackUrl: "/signin" });
            }}
          >
            <span className={styles.menuItemText}>
              <span>
                <SignOutIcon className={styles.menuIcon} /> {signingOut ? "Signing out…" : "Sign out"}
              </span>
            </span>
          </button>
        </div>
      ) : null}
      <button
        type="button"
        className={styles.user}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        <span className={styles.avatar} aria-hidden="true">
          {initialsOf(user.name, user.email)}
        </span>
        <span className={styles.userText}>
          <span className={styles.userName}>{user.name}</span>
          <span className={styles.userEmail}>{user.email}</span>
        </span>
      </button>
    </div>
  );
}
