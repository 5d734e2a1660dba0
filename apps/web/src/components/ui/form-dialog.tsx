"use client";

import { type FormEvent, type ReactNode, useEffect, useId, useRef } from "react";
import { Alert } from "./alert";
import styles from "./form-dialog.module.css";

type TFormDialogProps = {
  open: boolean;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** A problem that belongs to no single field (the API's message); the dialog stays open so nothing typed is lost. */
  error: string | null;
  size?: "narrow" | "medium" | "wide";
  tone?: "primary" | "danger";
  onSubmit: () => void;
  onClose: () => void;
};

/**
 * A modal form (plant settings, calendars): Enter submits, Escape or Cancel closes it unless a
 * save is under way, and it stays open with the API's message when saving fails.
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

  const size = props.size === "medium" ? styles.medium : props.size === "wide" ? styles.wide : "";
  return (
    <dialog
      ref={ref}
      className={`${styles.dialog} ${size}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onClose();
      }}
    >
      {open ? (
        <form className={styles.form} onSubmit={submit} noValidate>
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
