"use client";

import { useState } from "react";
import styles from "./connection-status.module.css";
import type { TConnection } from "./offline-queue/use-offline-queue";
import { useOfflineQueue } from "./offline-queue/use-offline-queue";
import { PendingTray } from "./pending-tray";

const texts: Record<TConnection, { label: string; title: string }> = {
  online: { label: "Online", title: "Connected to Gemba: what you do is saved at once." },
  offline: {
    label: "Offline",
    title: "This tablet has no network. Keep working: what you do is kept here and sent when the network is back.",
  },
  unreachable: {
    label: "No connection",
    title: "The network is up but Gemba does not answer. What you do is kept here and sent as soon as it answers.",
  },
};

/** The connection in words and color, and the outbox: how many actions wait to be sent. */
export function ConnectionStatus() {
  const queue = useOfflineQueue();
  const [trayOpen, setTrayOpen] = useState(false);
  const text = texts[queue.connection];
  const failed = queue.actions.filter((action) => action.status === "failed").length;
  const waiting = queue.actions.length;
  return (
    <>
      <span
        className={styles.pill}
        data-connection={queue.connection}
        title={text.title}
        role="status"
        aria-live="polite"
      >
        <span className={styles.dot} aria-hidden="true" />
        {text.label}
      </span>
      <button
        type="button"
        className={styles.outbox}
        data-state={failed > 0 ? "failed" : waiting > 0 ? "waiting" : "empty"}
        onClick={() => setTrayOpen(true)}
        aria-haspopup="dialog"
        data-testid="outbox-button"
      >
        {waiting === 0 ? (
          "All sent"
        ) : (
          <>
            <span className={styles.count}>{waiting}</span>
            {failed > 0 ? "need attention" : queue.sending ? "sending…" : "waiting to send"}
          </>
        )}
      </button>
      <PendingTray open={trayOpen} onClose={() => setTrayOpen(false)} />
    </>
  );
}
