"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert } from "~/components/ui/alert";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import type { TInsightDetail } from "./insight-types";
import styles from "./insights.module.css";

/** "Was this useful?": my vote, which re-weights the detector for the whole plant. */
export function InsightFeedback({ insight }: { insight: TInsightDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const vote = useMutation(
    trpc.insights.feedback.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.insights.pathKey() }),
    }),
  );
  const mine = insight.myFeedback?.useful;
  const result = vote.data;
  return (
    <div>
      <fieldset className={styles.feedbackButtons}>
        <legend className="visually-hidden">Was this insight useful?</legend>
        <button
          type="button"
          className={mine === true ? "btn btn-primary" : "btn"}
          aria-pressed={mine === true}
          disabled={vote.isPending}
          onClick={() => vote.mutate({ insightId: insight.id, useful: true })}
        >
          Useful
        </button>
        <button
          type="button"
          className={mine === false ? "btn btn-primary" : "btn"}
          aria-pressed={mine === false}
          disabled={vote.isPending}
          onClick={() => vote.mutate({ insightId: insight.id, useful: false })}
        >
          Not useful
        </button>
      </fieldset>
      {vote.error ? <Alert tone="danger">{apiErrorMessage(vote.error)}</Alert> : null}
      <p className="subtle" role="status">
        {result
          ? `Thanks. This detector now weighs ${result.weight.toFixed(2)} in this plant (${result.votes.useful} useful, ${result.votes.notUseful} not useful)${result.suppressed ? "; its insights are now hidden from the feed" : ""}.`
          : mine === undefined
            ? "Your vote re-weights this detector for the whole plant."
            : `You said ${mine ? "useful" : "not useful"}. You can change your vote.`}
      </p>
    </div>
  );
}
