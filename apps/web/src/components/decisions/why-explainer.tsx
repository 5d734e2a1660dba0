"use client";

import { useQuery } from "@tanstack/react-query";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import type { TSituationProp, TWhyInput } from "./decision-types";
import { LogDecisionButton } from "./log-decision-button";
import { WhyTimeline } from "./why-timeline";

/**
 * The "why" page's body: what is being explained, a way to log a decision about it (the
 * situation and the line's context are attached), and the timeline.
 */
export function WhyExplainer({ subject }: { subject: TWhyInput }) {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const why = useQuery(trpc.decisions.why.queryOptions(subject));
  const about = why.data?.subject;
  const situation: TSituationProp | undefined =
    subject.subject === "DOWNTIME" && subject.workCenterId && subject.stopStart
      ? {
          kind: "DOWNTIME",
          workCenterId: subject.workCenterId,
          stopStart: subject.stopStart,
          label: about?.detail ?? undefined,
        }
      : subject.subject === "ORDER" && subject.orderId
        ? { kind: "ORDER", orderId: subject.orderId, label: about?.detail ?? undefined }
        : undefined;
  return (
    <section className="card" aria-labelledby="why-subject">
      <div className="card-header">
        <div>
          <h2 id="why-subject">{about?.title ?? (why.error ? "Why did this happen?" : "Loading…")}</h2>
          {about ? (
            <p>
              {about.detail ? `${about.detail}. ` : ""}
              Looking at {formatDateTime(about.from, timeZone)} to {formatDateTime(about.to, timeZone)}.
            </p>
          ) : null}
        </div>
        {situation && about ? <LogDecisionButton situation={situation} label="Log a decision about it" /> : null}
      </div>
      <div className="card-body">
        <WhyTimeline subject={subject} compact />
      </div>
    </section>
  );
}
