"use client";

import { useState } from "react";
import { formatMinutes, stateLabel } from "~/components/execution/execution-format";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { EmptyState } from "~/components/ui/empty-state";
import { CheckIcon } from "~/components/ui/icons";
import { formatTime } from "~/lib/format";
import { FloorDecisionButton } from "./floor-decision-button";
import type { TFloorStop, TFloorWorkCenter, TStopReasonCategory } from "./floor-types";
import { pendingOf, type TOfflineQueueApi, useOfflineQueue } from "./offline-queue/use-offline-queue";
import styles from "./stops.module.css";

type TStopAnswer =
  | { kind: "none" }
  | { kind: "pending"; label: string; failed: string | null }
  | { kind: "saved"; label: string };

const keyOf = (stopStart: Date | string) => new Date(stopStart).toISOString();

/**
 * Stops waiting for a reason: pick one (the oldest unanswered is picked for you) and tap the
 * reason. The answer shows at once as "pending sync" and turns to "saved" when Gemba has it;
 * offline it waits in the outbox. A wrong tap is fixed by tapping another reason.
 */
export function StopReasons({ floor, reasons }: { floor: TFloorWorkCenter; reasons: TStopReasonCategory[] }) {
  const queue = useOfflineQueue();
  const timeZone = usePlantTimeZone();
  const [picked, setPicked] = useState<string | null>(null);
  const labels = new Map(reasons.flatMap((category) => category.reasons.map((reason) => [reason.code, reason.label])));
  const answers = new Map(floor.stops.map((stop) => [keyOf(stop.stopStart), answerOf(stop, floor, queue, labels)]));
  const open = floor.stops.filter((stop) => answers.get(keyOf(stop.stopStart))?.kind === "none");
  const selected =
    floor.stops.find((stop) => keyOf(stop.stopStart) === picked) ?? open.at(-1) ?? floor.stops[0] ?? null;
  const answered = answeredElsewhere(floor, queue, labels);
  const rows = [
    ...floor.stops.map((stop) => ({ key: keyOf(stop.stopStart), stop })),
    ...answered.map((row) => ({ key: row.key, stop: null, answer: row.answer })),
  ].sort((a, b) => b.key.localeCompare(a.key));

  if (rows.length === 0) {
    return (
      <div className="card">
        <EmptyState icon={<CheckIcon size={22} />} title="Every stop has a reason">
          Stops longer than the minor-stop limit appear here when they need your answer.
        </EmptyState>
      </div>
    );
  }

  const classify = async (stop: TFloorStop, reasonCode: string) => {
    const stopStart = keyOf(stop.stopStart);
    await queue.enqueue(
      "downtime.classify",
      { workCenterId: floor.workCenter.id, stopStart, reasonCode },
      {
        label: `${floor.workCenter.code} stop at ${formatTime(stop.stopStart, timeZone)} → ${labels.get(reasonCode) ?? reasonCode}`,
        workCenterId: floor.workCenter.id,
      },
    );
    // Next: the oldest stop still without an answer.
    const next = open.filter((candidate) => keyOf(candidate.stopStart) !== stopStart).at(-1);
    setPicked(next ? keyOf(next.stopStart) : stopStart);
  };

  return (
    <div className={styles.layout}>
      <ol className={styles.stops} aria-label="Stops">
        {rows.map((row) => {
          if (!row.stop) {
            // Answered from this tablet, and already off the server's list (or not yet re-read).
            return (
              <li key={row.key}>
                <div
                  className={styles.stop}
                  data-answer={row.answer?.kind}
                  data-testid="stop"
                  data-stop-start={row.key}
                >
                  <span className={styles.stopTop}>
                    <strong>Stop at {formatTime(row.key, timeZone)}</strong>
                  </span>
                  {row.answer ? <AnswerLine answer={row.answer} /> : null}
                </div>
              </li>
            );
          }
          const stop = row.stop;
          const answer = answers.get(row.key) ?? { kind: "none" };
          const isSelected = selected !== null && keyOf(selected.stopStart) === row.key;
          return (
            <li key={row.key}>
              <button
                type="button"
                className={styles.stop}
                aria-pressed={isSelected}
                data-answer={answer.kind}
                data-testid="stop"
                data-stop-start={row.key}
                onClick={() => setPicked(row.key)}
              >
                <span className={styles.stopTop}>
                  <strong>
                    {stateLabel(stop.state)} at {formatTime(stop.stopStart, timeZone)}
                  </strong>
                  <span>
                    {formatMinutes(stop.durationMinutes)}
                    {stop.ongoing ? " · ongoing" : ""}
                  </span>
                </span>
                <AnswerLine answer={answer} />
              </button>
            </li>
          );
        })}
      </ol>
      {selected ? (
        <section className={styles.reasons} aria-labelledby="reasons-title" data-testid="reason-panel">
          <div className={styles.reasonsHeader}>
            <h2 id="reasons-title">
              Why did {floor.workCenter.code} stop at {formatTime(selected.stopStart, timeZone)}?
            </h2>
            <FloorDecisionButton
              label="Log a decision about this stop"
              situation={{
                kind: "DOWNTIME",
                workCenterId: floor.workCenter.id,
                stopStart: selected.stopStart,
                label: `${floor.workCenter.code} stop at ${formatTime(selected.stopStart, timeZone)}`,
              }}
            />
          </div>
          {reasons.length === 0 ? (
            <p className="muted">This plant has no stop reasons yet. Ask an admin to set up the reason codes.</p>
          ) : (
            reasons.map((category) => (
              <div key={category.id} className={styles.category}>
                <h3>{category.name}</h3>
                <div className={styles.reasonGrid}>
                  {category.reasons.map((reason) => (
                    <button
                      key={reason.code}
                      type="button"
                      className={styles.reason}
                      onClick={() => void classify(selected, reason.code)}
                    >
                      {reason.label}
                    </button>
                  ))}
                </div>
              </div>
            ))
          )}
        </section>
      ) : (
        <p className={styles.allAnswered}>Every stop here has an answer. New stops appear here when they need one.</p>
      )}
    </div>
  );
}

function AnswerLine({ answer }: { answer: TStopAnswer }) {
  if (answer.kind === "none") return <span className={styles.needs}>Needs a reason</span>;
  if (answer.kind === "saved") {
    return (
      <span className={styles.saved}>
        <CheckIcon size={16} /> {answer.label} · saved
      </span>
    );
  }
  return (
    <span className={answer.failed ? styles.failed : styles.pending} data-testid="stop-pending">
      {answer.label} · {answer.failed ? `not accepted: ${answer.failed}` : "pending sync"}
    </span>
  );
}

/** Confirmed answers are shown this long after the stop left the server's list (the worker re-derived it). */
const SAVED_SHOWN_MS = 2 * 60_000;

/**
 * Stops this tablet answered that are not (or no longer) in the server's list: waiting in the
 * outbox (after a reload the list may already have dropped a stop the server got), or confirmed
 * in the last minutes. Shown so the operator sees where each tap went.
 */
function answeredElsewhere(
  floor: TFloorWorkCenter,
  queue: TOfflineQueueApi,
  labels: Map<string, string>,
): { key: string; answer: TStopAnswer }[] {
  const listed = new Set(floor.stops.map((stop) => keyOf(stop.stopStart)));
  const rows = new Map<string, TStopAnswer>();
  const label = (code: string) => labels.get(code) ?? code;
  for (const action of pendingOf(queue.actions, "downtime.classify")) {
    const key = keyOf(action.input.stopStart);
    if (action.input.workCenterId !== floor.workCenter.id || listed.has(key)) continue;
    rows.set(key, {
      kind: "pending",
      label: label(action.input.reasonCode),
      failed: action.status === "failed" ? (action.lastError ?? "refused") : null,
    });
  }
  const since = Date.now() - SAVED_SHOWN_MS;
  for (const action of pendingOf(queue.confirmed, "downtime.classify")) {
    const key = keyOf(action.input.stopStart);
    if (action.input.workCenterId !== floor.workCenter.id || listed.has(key) || rows.has(key)) continue;
    if (action.confirmedAt >= since) rows.set(key, { kind: "saved", label: label(action.input.reasonCode) });
  }
  return [...rows].map(([key, answer]) => ({ key, answer }));
}

/** The newest answer to a stop: waiting in the outbox first, then sent this session, then what the server has. */
function answerOf(
  stop: TFloorStop,
  floor: TFloorWorkCenter,
  queue: TOfflineQueueApi,
  labels: Map<string, string>,
): TStopAnswer {
  const key = keyOf(stop.stopStart);
  const matches = (input: { workCenterId: string; stopStart: string }) =>
    input.workCenterId === floor.workCenter.id && keyOf(input.stopStart) === key;
  const waiting = pendingOf(queue.actions, "downtime.classify")
    .filter((action) => matches(action.input))
    .at(-1);
  if (waiting) {
    return {
      kind: "pending",
      label: labels.get(waiting.input.reasonCode) ?? waiting.input.reasonCode,
      failed: waiting.status === "failed" ? (waiting.lastError ?? "refused") : null,
    };
  }
  // Confirmed this session (newest first): shown until the refetched screen has the same answer.
  const sent = pendingOf(queue.confirmed, "downtime.classify").find((action) => matches(action.input));
  if (sent) return { kind: "saved", label: labels.get(sent.input.reasonCode) ?? sent.input.reasonCode };
  return stop.answer ? { kind: "saved", label: stop.answer.reasonLabel } : { kind: "none" };
}
