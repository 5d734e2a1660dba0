"use client";

import { DECISION_LIMITS } from "@gemba/domain/decisions/decision-draft";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { FieldErrors } from "~/components/ui/field-errors";
import { apiErrorMessage, apiFieldErrors } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import styles from "./decisions.module.css";

type TOutcomeFormProps = {
  decisionId: string;
  current: string | null;
  hasOpenReview: boolean;
  onDone: () => void;
};

/** What actually came of the decision; recording it also completes the review task. */
export function OutcomeForm({ decisionId, current, hasOpenReview, onDone }: TOutcomeFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState(current ?? "");
  const [missing, setMissing] = useState(false);
  const record = useMutation(
    trpc.decisions.recordOutcome.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.decisions.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() }),
        ]);
        onDone();
      },
    }),
  );
  const fieldErrors = apiFieldErrors(record.error).actualOutcome;
  return (
    <form
      className="form-stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) {
          setMissing(true);
          return;
        }
        setMissing(false);
        record.mutate({ decisionId, actualOutcome: text.trim() });
      }}
    >
      <div className="field">
        <label className="field-label" htmlFor={`${id}-outcome`}>
          {current ? "Correct the actual outcome" : "What actually happened?"}
        </label>
        <textarea
          id={`${id}-outcome`}
          className={`input ${styles.textarea}`}
          value={text}
          maxLength={DECISION_LIMITS.text}
          placeholder="e.g. Shipped on time; the changeover took 40 min instead of 25."
          aria-invalid={missing || fieldErrors ? true : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        <FieldErrors messages={missing ? ["Say what actually came of it."] : fieldErrors} />
        {hasOpenReview ? <span className="field-hint">This also completes the review task.</span> : null}
      </div>
      {record.error && !fieldErrors ? <Alert tone="danger">{apiErrorMessage(record.error)}</Alert> : null}
      <div className="page-actions">
        <button type="submit" className="btn btn-primary" disabled={record.isPending}>
          {record.isPending ? "Saving…" : "Record outcome"}
        </button>
        {current ? (
          <button type="button" className="btn" onClick={onDone} disabled={record.isPending}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
