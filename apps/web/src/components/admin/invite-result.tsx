"use client";

import { useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { CheckIcon, CopyIcon } from "~/components/ui/icons";
import type { TRouterOutputs } from "~/lib/api-types";
import { formatDateTime } from "~/lib/format";
import styles from "./admin.module.css";

type TInviteResultProps = { result: TRouterOutputs["admin"]["invite"] };

/** After inviting: either "added", or the link to hand over (Gemba sends no email yet). */
export function InviteResult({ result }: TInviteResultProps) {
  const timeZone = usePlantTimeZone();
  const [copied, setCopied] = useState(false);

  if (result.kind === "added") {
    return (
      <Alert tone="success">
        <strong>{result.email}</strong> already had a Gemba account and now has access to this plant.
      </Alert>
    );
  }

  const link = typeof window === "undefined" ? result.invitePath : `${window.location.origin}${result.invitePath}`;
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Clipboard access can be blocked (plain http, kiosk policies): selecting lets the user copy by hand.
      document.getElementById("invite-link")?.focus();
    }
  }

  return (
    <Alert tone="success">
      <div className={styles.inviteResult}>
        <p>
          Invitation created for <strong>{result.email}</strong>. Send them this link; it works once and expires{" "}
          {formatDateTime(result.expiresAt, timeZone)}.
        </p>
        <div className={styles.copyRow}>
          <input
            id="invite-link"
            className={`input mono ${styles.linkInput}`}
            value={link}
            readOnly
            aria-label="Invitation link"
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="btn" onClick={copy}>
            {copied ? <CheckIcon /> : <CopyIcon />}
            {copied ? "Copied" : "Copy link"}
          </button>
        </div>
      </div>
    </Alert>
  );
}
