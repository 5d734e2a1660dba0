"use client";

import { useId, useState } from "react";
import { FieldErrors } from "~/components/ui/field-errors";
import { FormDialog } from "~/components/ui/form-dialog";
import styles from "./tasks.module.css";

type TTaskCloseDialogProps = {
  mode: "complete" | "cancel";
  title: string;
  pending: boolean;
  error: string | null;
  onSubmit: (text: string) => void;
  onClose: () => void;
};

/** Completing asks what was done; cancelling asks why the task is no longer needed. Both are kept with it. */
export function TaskCloseDialog({ mode, title, pending, error, onSubmit, onClose }: TTaskCloseDialogProps) {
  const id = useId();
  const [text, setText] = useState("");
  const [missing, setMissing] = useState(false);
  const completing = mode === "complete";
  return (
    <FormDialog
      open
      tone={completing ? "primary" : "danger"}
      title={completing ? "Complete the task" : "Cancel the task"}
      description={title}
      submitLabel={completing ? "Mark as done" : "Cancel task"}
      pendingLabel="Saving…"
      pending={pending}
      error={error}
      onSubmit={() => {
        if (text.trim().length < (completing ? 1 : 3)) {
          setMissing(true);
          return;
        }
        onSubmit(text.trim());
      }}
      onClose={onClose}
    >
      <div className="field">
        <label className="field-label" htmlFor={`${id}-text`}>
          {completing ? "What was done" : "Why it is no longer needed"}
        </label>
        <textarea
          id={`${id}-text`}
          className={`input ${styles.textarea}`}
          value={text}
          maxLength={completing ? 2_000 : 500}
          placeholder={
            completing
              ? "e.g. Clamps torqued to spec, checked with the setter."
              : "e.g. Done by maintenance during the night shift."
          }
          aria-invalid={missing ? true : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        <FieldErrors
          messages={missing ? [completing ? "Say what was done." : "Say why the task is no longer needed."] : undefined}
        />
      </div>
    </FormDialog>
  );
}
