"use client";

import { useEffect, useRef } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { CheckIcon, CloseIcon } from "~/components/ui/icons";
import { formatTime } from "~/lib/format";
import { useOfflineQueue } from "./offline-queue/use-offline-queue";
import styles from "./pending-tray.module.css";

/**
 * The outbox, opened from the header: every action not yet confirmed by the server, oldest first,
 * with what happened on the last try. Refused ones wait for the operator to retry or discard.
 */
export function PendingTray({ open, onClose }: { open: boolean; onClose: () => void }) {
  const queue = useOfflineQueue();
  const timeZone = usePlantTimeZone();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const waiting = queue.actions.filter((action) => action.status === "pending").length;
  return (
    <dialog
      ref={ref}
      className={styles.tray}
      aria-labelledby="outbox-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <div className={styles.body}>
          <div className={styles.header}>
            <div>
              <h2 id="outbox-title">Waiting to send</h2>
              <p>Actions are kept on this tablet until Gemba confirms them, and each one is applied once.</p>
            </div>
            <button type="button" className={`btn btn-ghost ${styles.close}`} onClick={onClose} aria-label="Close">
              <CloseIcon size={22} />
            </button>
          </div>
          {!queue.durable ? (
            <Alert tone="warning">
              This browser cannot keep actions across a reload. Do not reload the page until everything is sent.
            </Alert>
          ) : null}
          {queue.actions.length === 0 ? (
            <div className={styles.empty}>
              <CheckIcon size={28} />
              <p>Everything you did has reached Gemba.</p>
            </div>
          ) : (
            <ol className={styles.list} data-testid="outbox-list">
              {queue.actions.map((action) => (
                <li key={action.clientId} className={styles.item} data-status={action.status}>
                  <div className={styles.itemText}>
                    <strong>{action.label}</strong>
                    <span className={styles.meta}>
                      {formatTime(new Date(action.createdAt), timeZone)} ·{" "}
                      {action.status === "failed"
                        ? "Not accepted"
                        : action.attempts === 0
                          ? "Not sent yet"
                          : `Tried ${action.attempts} ${action.attempts === 1 ? "time" : "times"}`}
                    </span>
                    {action.lastError ? <span className={styles.error}>{action.lastError}</span> : null}
                  </div>
                  {action.status === "failed" ? (
                    <div className={styles.itemActions}>
                      <button type="button" className="btn" onClick={() => void queue.retry(action.clientId)}>
                        Try again
                      </button>
                      <button
                        type="button"
                        className="btn btn-danger"
                        onClick={() => void queue.discard(action.clientId)}
                      >
                        Discard
                      </button>
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          {queue.othersWaiting > 0 ? (
            <p className={styles.others}>
              {queue.othersWaiting} {queue.othersWaiting === 1 ? "action was" : "actions were"} taken on this tablet by
              someone else. They are sent when that person signs in here again.
            </p>
          ) : null}
          <div className={styles.footer}>
            <button
              type="button"
              className="btn btn-primary btn-lg"
              disabled={waiting === 0 || queue.sending}
              onClick={queue.sendNow}
            >
              {queue.sending ? "Sending…" : "Send now"}
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
