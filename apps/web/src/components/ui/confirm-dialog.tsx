"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { Alert } from "./alert";
import styles from "./confirm-dialog.module.css";

type TConfirmDialogProps = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
};

/** A modal question before something hard to undo; stays open (with the API's message) on failure. */
export function ConfirmDialog(props: TConfirmDialogProps) {
  const { open, title, children, confirmLabel, pendingLabel, pending, error, onConfirm, onCancel } = props;
  const ref = useRef<HTMLDialogElement>(null);

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
      aria-labelledby="confirm-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <div className={styles.body}>
        <h2 id="confirm-dialog-title">{title}</h2>
        <div className={styles.text}>{children}</div>
        {error ? <Alert tone="danger">{error}</Alert> : null}
      </div>
      <div className={styles.actions}>
        <button type="button" className="btn" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
        <button type="button" className="btn btn-danger-solid" onClick={onConfirm} disabled={pending}>
          {pending ? pendingLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
