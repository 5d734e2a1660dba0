"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { FormDialog } from "~/components/ui/form-dialog";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import type { TInsightDetail } from "./insight-types";
import styles from "./insights.module.css";

/** Acknowledge, mark acted on, or dismiss with a reason; acted-on and dismissed are final. */
export function InsightStatusActions({ insight }: { insight: TInsightDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState("");
  const change = useMutation(
    trpc.insights.setStatus.mutationOptions({
      onSuccess: async () => {
        setDismissing(false);
        await queryClient.invalidateQueries({ queryKey: trpc.insights.pathKey() });
      },
    }),
  );
  const open = insight.status === "NEW" || insight.status === "ACKNOWLEDGED";
  if (!open) return null;
  return (
    <>
      <div className={styles.actions}>
        {insight.status === "NEW" ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={change.isPending}
            onClick={() => change.mutate({ insightId: insight.id, status: "ACKNOWLEDGED" })}
          >
            Acknowledge
          </button>
        ) : null}
        <button
          type="button"
          className="btn"
          disabled={change.isPending}
          onClick={() => change.mutate({ insightId: insight.id, status: "ACTED_ON" })}
        >
          Mark acted on
        </button>
        <button
          type="button"
          className="btn btn-danger"
          disabled={change.isPending}
          onClick={() => {
            change.reset();
            setDismissing(true);
          }}
        >
          Dismiss…
        </button>
      </div>
      {change.error && !dismissing ? <Alert tone="danger">{apiErrorMessage(change.error)}</Alert> : null}
      <FormDialog
        open={dismissing}
        title="Dismiss this insight"
        description="Say why: whoever tunes the detectors reads it, and it stays on the insight."
        submitLabel="Dismiss"
        pendingLabel="Dismissing…"
        pending={change.isPending}
        error={change.error ? apiErrorMessage(change.error) : null}
        tone="danger"
        onSubmit={() => change.mutate({ insightId: insight.id, status: "DISMISSED", dismissReason: reason })}
        onClose={() => setDismissing(false)}
      >
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-reason`}>
            Reason
          </label>
          <textarea
            id={`${ids}-reason`}
            className="input"
            rows={3}
            maxLength={500}
            value={reason}
            placeholder="e.g. The sensor was recalibrated that morning."
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
      </FormDialog>
    </>
  );
}
