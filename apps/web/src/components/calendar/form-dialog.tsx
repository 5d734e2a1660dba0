"use client";

import { type FormEvent, type ReactNode, useEffect, useId, useRef } from "react";
import { Alert } from "~/components/ui/alert";
import styles from "./form-dialog.module.css";

type TFormDialogProps = {
  open: boolean;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The API's message when saving failed; the dialog stays open so nothing typed is lost. */
  error: string | null;
  onSubmit: () => void;
  onCancel: () => void;
};

/** A modal form: the page behind stays as it was, Escape or Cancel closes it unless saving is under way. */
export function FormDialog(props: TFormDialogProps) {
  const { open, title, description, children, submitLabel, pendingLabel, pending, error, onSubmit, onCancel } = props;
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
      className={styles.dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
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
            <button type="button" className="btn" onClick={onCancel} disabled={pending}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={pending}>
              {pending ? pendingLabel : submitLabel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
