"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { ActionDialog } from "./action-dialog";
import styles from "./dead-letters.module.css";
import { useRefreshConnectors } from "./use-connector-cache";

type TDeadLetterActionsProps = { selectedIds: string[]; onDone: () => void };

const letters = (count: number) => `${count} dead letter${count === 1 ? "" : "s"}`;

/** Retry or dismiss the selected letters, each behind a dialog that says what will happen. */
export function DeadLetterActions({ selectedIds, onDone }: TDeadLetterActionsProps) {
  const trpc = useTRPC();
  const refresh = useRefreshConnectors();
  const [asking, setAsking] = useState<"retry" | "dismiss" | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const finish = async (message: string) => {
    setAsking(null);
    setOutcome(message);
    onDone();
    await refresh();
  };
  const retry = useMutation(
    trpc.connectors.retryDeadLetters.mutationOptions({
      onSuccess: ({ retried }) =>
        finish(`Sent ${letters(retried)} through ingest again. Any that still fail come back as new dead letters.`),
    }),
  );
  const dismiss = useMutation(
    trpc.connectors.dismissDeadLetters.mutationOptions({
      onSuccess: ({ dismissed }) => finish(`Dismissed ${letters(dismissed)}.`),
    }),
  );
  const count = selectedIds.length;
  const close = () => {
    setAsking(null);
    retry.reset();
    dismiss.reset();
  };

  return (
    <div className={styles.letterToolbar}>
      <div className={styles.letterToolbarRow}>
        <span className={styles.selectionCount} aria-live="polite">
          {count === 0 ? "Select dead letters to retry or dismiss them." : `${letters(count)} selected`}
        </span>
        <button type="button" className="btn" disabled={count === 0} onClick={() => setAsking("retry")}>
          Retry
        </button>
        <button type="button" className="btn btn-danger" disabled={count === 0} onClick={() => setAsking("dismiss")}>
          Dismiss
        </button>
      </div>
      {outcome ? <Alert tone="success">{outcome}</Alert> : null}

      <ActionDialog
        open={asking === "retry"}
        title={`Retry ${letters(count)}?`}
        tone="primary"
        confirmLabel="Retry"
        pendingLabel="Retrying…"
        pending={retry.isPending}
        error={retry.error ? apiErrorMessage(retry.error) : null}
        onCancel={close}
        onConfirm={() => retry.mutate({ deadLetterIds: selectedIds })}
      >
        <div className={styles.dialogText}>
          <p>
            Gemba sends them through ingest again; connectors that keep the raw input map it anew with their{" "}
            <strong>current</strong> settings. Fix the cause first (for example, map the unknown device to a work
            center), or they fail again.
          </p>
          <p>
            These are then marked as retried; any that fail again come back as new dead letters with the new reason.
          </p>
        </div>
      </ActionDialog>
      <ActionDialog
        open={asking === "dismiss"}
        title={`Dismiss ${letters(count)}?`}
        tone="danger"
        confirmLabel="Dismiss"
        pendingLabel="Dismissing…"
        pending={dismiss.isPending}
        error={dismiss.error ? apiErrorMessage(dismiss.error) : null}
        onCancel={close}
        onConfirm={() => dismiss.mutate({ deadLetterIds: selectedIds })}
      >
        <p>
          They are marked as handled and will not become events. Use this for test messages or machines that are gone.
          They stay visible under &ldquo;Open and handled&rdquo;.
        </p>
      </ActionDialog>
    </div>
  );
}
