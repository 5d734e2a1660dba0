"use client";

import {
  filterTimeline,
  TIMELINE_KINDS,
  type TTimelineKind,
  timelineKindLabels,
} from "@gemba/domain/decisions/why-timeline";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { formatDate, formatDateTime, formatTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import type { TWhyInput, TWhyItem } from "./decision-types";
import styles from "./decisions.module.css";

const kindWords: Record<TTimelineKind, string> = {
  DECISION: "Decision",
  CONSTRAINT: "Constraint",
  TASK: "Task",
  REASON: "Reason",
  STATE: "State",
  EVENT: "Event",
};

type TWhyTimelineProps = {
  subject: TWhyInput;
  /** Leave out the header line naming the subject (when the page around it already does). */
  compact?: boolean;
  /** Entries shown before "Show more"; a busy machine fills a window with hundreds. */
  initialLimit?: number;
};

/**
 * "Why did this happen?": events, state changes, reasons, decisions with their constraints, and
 * tasks around a downtime, an order or a decision, newest first. Kinds are toggled on the page;
 * the counts show what each would add.
 */
export function WhyTimeline({ subject, compact = false, initialLimit = 60 }: TWhyTimelineProps) {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const why = useQuery(trpc.decisions.why.queryOptions(subject));
  const [hidden, setHidden] = useState<ReadonlySet<TTimelineKind>>(new Set());
  const [limit, setLimit] = useState(initialLimit);

  if (why.isPending) {
    return (
      <div aria-busy="true">
        <span className="visually-hidden" role="status">
          Loading the timeline…
        </span>
        <Skeleton height="120px" />
      </div>
    );
  }
  if (why.error) {
    return (
      <div className="form-stack">
        <Alert tone="danger">{apiErrorMessage(why.error)}</Alert>
        <div>
          <button type="button" className="btn" onClick={() => void why.refetch()}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  const { counts, truncated } = why.data;
  const shownKinds = TIMELINE_KINDS.filter((kind) => !hidden.has(kind));
  const matching = filterTimeline(why.data.items, shownKinds);
  const items = matching.slice(0, limit);
  const subjectCode = why.data.subject.workCenter?.code ?? null;
  const subjectRef = why.data.subject.ref;
  const toggle = (kind: TTimelineKind) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <div className="form-stack" data-testid="why-timeline">
      {compact ? null : (
        <div className="cell-stack">
          <strong>{why.data.subject.title}</strong>
          <small>
            {why.data.subject.detail ? `${why.data.subject.detail}. ` : ""}From{" "}
            {formatDateTime(why.data.subject.from, timeZone)} to {formatDateTime(why.data.subject.to, timeZone)}.
          </small>
        </div>
      )}
      <fieldset className={styles.kindFilters}>
        <legend className="visually-hidden">Show on the timeline</legend>
        {TIMELINE_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={styles.kindFilter}
            aria-pressed={!hidden.has(kind)}
            disabled={counts[kind] === 0}
            onClick={() => toggle(kind)}
          >
            {timelineKindLabels[kind]} <span className={styles.kindCount}>{counts[kind]}</span>
          </button>
        ))}
      </fieldset>
      {items.length === 0 ? (
        <EmptyState title={why.data.items.length === 0 ? "Nothing recorded around it" : "Nothing of these kinds"}>
          {why.data.items.length === 0
            ? "No events, state changes, decisions or tasks were recorded in this window."
            : "Switch the other kinds back on above."}
        </EmptyState>
      ) : (
        <ol className={styles.timeline}>
          {items.map((item, index) => {
            const day = formatDate(item.at, timeZone);
            const previous = items[index - 1];
            const newDay = !previous || formatDate(previous.at, timeZone) !== day;
            return (
              <TimelineEntry
                key={item.id}
                item={item}
                dayBreak={newDay ? day : null}
                timeZone={timeZone}
                // The subject's own work center goes without saying; others are named.
                workCenterCode={item.workCenterCode === subjectCode ? null : item.workCenterCode}
                // Constraints point at their decision too, but are not the subject themselves.
                isSubject={item.kind !== "CONSTRAINT" && sameRef(item.ref, subjectRef)}
              />
            );
          })}
        </ol>
      )}
      {matching.length > items.length ? (
        <div>
          <button type="button" className="btn" onClick={() => setLimit((shown) => shown + initialLimit)}>
            Show {Math.min(initialLimit, matching.length - items.length)} older entries
          </button>
        </div>
      ) : null}
      {truncated ? (
        <span className="subtle">
          Only the most recent entries are shown: the window holds more than a timeline can list.
        </span>
      ) : null}
    </div>
  );
}

type TTimelineEntryProps = {
  item: TWhyItem;
  dayBreak: string | null;
  timeZone: string;
  workCenterCode: string | null;
  isSubject: boolean;
};

function TimelineEntry({ item, dayBreak, timeZone, workCenterCode, isSubject }: TTimelineEntryProps) {
  const href = hrefOf(item.ref);
  return (
    <>
      {dayBreak ? (
        <li className={styles.dayBreak} aria-hidden="true">
          {dayBreak}
        </li>
      ) : null}
      <li className={styles.timelineItem} data-kind={item.kind} data-testid="why-item">
        <time className={styles.timelineTime} dateTime={new Date(item.at).toISOString()}>
          {formatTime(item.at, timeZone)}
        </time>
        <span className={styles.timelineDot} data-tone={item.tone} aria-hidden="true" />
        <div className={styles.timelineBody}>
          <div className={styles.timelineTitle}>
            <span className={styles.timelineKind}>{kindWords[item.kind]}</span>
            {href && !isSubject ? <Link href={href}>{item.title}</Link> : <span>{item.title}</span>}
            {isSubject ? (
              <span className="badge badge-accent">{subjectWords[item.ref?.type ?? "decision"]}</span>
            ) : null}
          </div>
          {item.detail ? <div className={styles.timelineDetail}>{item.detail}</div> : null}
          {item.actor || workCenterCode ? (
            <div className={styles.timelineDetail}>{[item.actor, workCenterCode].filter(Boolean).join(" · ")}</div>
          ) : null}
        </div>
      </li>
    </>
  );
}

const subjectWords: Record<NonNullable<TWhyItem["ref"]>["type"], string> = {
  decision: "This decision",
  downtime: "This stop",
  order: "This order",
  task: "This task",
  insight: "This insight",
};

/** Whether an entry is the thing being explained (the stop itself, the decision itself). */
function sameRef(ref: TWhyItem["ref"], subject: TWhyItem["ref"]): boolean {
  if (!ref || !subject || ref.type !== subject.type) return false;
  if (ref.type === "downtime" && subject.type === "downtime") {
    return ref.workCenterId === subject.workCenterId && ref.stopStart === subject.stopStart;
  }
  return "id" in ref && "id" in subject && ref.id === subject.id;
}

function hrefOf(ref: TWhyItem["ref"]): string | null {
  if (!ref) return null;
  switch (ref.type) {
    case "decision":
      return `/decisions?decision=${ref.id}`;
    case "task":
      return "/tasks";
    case "downtime":
      return `/decisions/why?workCenterId=${ref.workCenterId}&stopStart=${encodeURIComponent(ref.stopStart)}`;
    case "order":
      return `/decisions/why?orderId=${ref.id}`;
    case "insight":
      return `/insights/${ref.id}`;
  }
}
