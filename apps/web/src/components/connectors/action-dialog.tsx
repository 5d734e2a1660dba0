"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";
import { Alert } from "~/components/ui/alert";
import styles from "~/components/ui/confirm-dialog.module.css";

type TActionDialogProps = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: string | null;
  /** Retrying is not destructive: the confirm button is the primary one, not the red one. */
  tone: "primary" | "danger";
  onConfirm: () => void;
  onCancel: () => void;
};

/** Like the shared ConfirmDialog, for actions that are worth a second look but not dangerous. */
export function ActionDialog(props: TActionDialogProps) {
  const { open, title, children, confirmLabel, pendingLabel, pending, error, tone, onConfirm, onCancel } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <div className={styles.body}>
        <h2 id={titleId}>{title}</h2>
        <div className={styles.text}>{children}</div>
        {error ? <Alert tone="danger">{error}</Alert> : null}
      </div>
      <div className={styles.actions}>
        <button type="button" className="btn" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
        <button
          type="button"
          className={`btn ${tone === "danger" ? "btn-danger-solid" : "btn-primary"}`}
          onClick={onConfirm}
          disabled={pending}
        >
          {pending ? pendingLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
