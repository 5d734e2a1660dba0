"use client";

import { type FormEvent, type ReactNode, useEffect, useId, useRef } from "react";
import { Alert } from "~/components/ui/alert";
import styles from "./settings-dialog.module.css";

type TFormDialogProps = {
  open: boolean;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** A problem that belongs to no single field (the API's message); field problems sit by their fields. */
  error: string | null;
  size?: "narrow" | "wide";
  tone?: "primary" | "danger";
  onSubmit: () => void;
  onClose: () => void;
};

/**
 * A modal form for plant settings: Enter submits, Escape cancels (unless a save is under way),
 * and it stays open with the API's message when saving fails.
 */
export function FormDialog(props: TFormDialogProps) {
  const { open, title, description, children, submitLabel, pendingLabel, pending, error, onSubmit, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!pending) onSubmit();
  }

  return (
    <dialog
      ref={ref}
      className={`${styles.dialog} ${props.size === "wide" ? styles.wide : ""}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onClose();
      }}
    >
      {open ? (
        <form onSubmit={submit} noValidate>
          <div className={styles.header}>
            <h2 id={titleId}>{title}</h2>
            {description ? <p>{description}</p> : null}
          </div>
          <div className={styles.body}>
            {children}
            {error ? <Alert tone="danger">{error}</Alert> : null}
          </div>
          <div className={styles.actions}>
            <button type="button" className="btn" onClick={onClose} disabled={pending}>
              Cancel
            </button>
            <button
              type="submit"
              className={`btn ${props.tone === "danger" ? "btn-danger-solid" : "btn-primary"}`}
              disabled={pending}
            >
              {pending ? pendingLabel : submitLabel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
