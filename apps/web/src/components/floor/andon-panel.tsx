"use client";

import { useEffect, useRef, useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { AlertIcon } from "~/components/ui/icons";
import { formatTime } from "~/lib/format";
import styles from "./andon.module.css";
import type { TFloorWorkCenter } from "./floor-types";
import { pendingOf, useOfflineQueue } from "./offline-queue/use-offline-queue";

const NOTES = ["Machine problem", "Material", "Quality", "Safety"] as const;

type TAndonShown = { calledAt: Date; status: "waiting" | "failed" | "sent" };

/**
 * The andon cord on the screen: one big button, one confirmation (a pocket tap must not call the
 * maintenance team), then "Andon called 14:02" with whether it has reached Gemba yet.
 */
export function AndonPanel({ floor }: { floor: TFloorWorkCenter }) {
  const queue = useOfflineQueue();
  const timeZone = usePlantTimeZone();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const workCenterId = floor.workCenter.id;
  const shown = latestCall(floor, queue, workCenterId);

  const call = async (note: string | null) => {
    setError(null);
    try {
      await queue.enqueue(
        "floor.andon",
        { workCenterId, calledAt: new Date().toISOString(), ...(note ? { note } : {}) },
        { label: `Andon at ${floor.workCenter.code}${note ? ` (${note})` : ""}`, workCenterId },
      );
      setConfirming(false);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "The andon could not be stored on this tablet. Try again.");
    }
  };

  return (
    <section className={styles.panel} aria-label="Andon" data-testid="andon-panel">
      <button type="button" className={styles.andon} onClick={() => setConfirming(true)}>
        <AlertIcon size={34} />
        <span className={styles.andonText}>
          <strong>Andon</strong>
          <span>{shown ? "Call again" : "Call for help"}</span>
        </span>
      </button>
      {shown ? (
        <p className={styles.called} data-status={shown.status} role="status" data-testid="andon-status">
          Andon called {formatTime(shown.calledAt, timeZone)}
          <span>
            {shown.status === "sent"
              ? "Sent"
              : shown.status === "waiting"
                ? "Pending · waiting to send"
                : "Not accepted"}
          </span>
        </p>
      ) : (
        <p className={styles.hint}>Calls your team lead and maintenance to {floor.workCenter.code}.</p>
      )}
      {confirming ? (
        <AndonConfirm
          code={floor.workCenter.code}
          error={error}
          onCall={(note) => void call(note)}
          onCancel={() => {
            setConfirming(false);
            setError(null);
          }}
        />
      ) : null}
    </section>
  );
}

/** The newest call at this work center: one waiting in the outbox, one sent this session, or one the server has. */
function latestCall(
  floor: TFloorWorkCenter,
  queue: ReturnType<typeof useOfflineQueue>,
  workCenterId: string,
): TAndonShown | null {
  const candidates: TAndonShown[] = [];
  for (const action of pendingOf(queue.actions, "floor.andon")) {
    if (action.input.workCenterId !== workCenterId) continue;
    candidates.push({
      calledAt: new Date(action.input.calledAt),
      status: action.status === "failed" ? "failed" : "waiting",
    });
  }
  for (const action of pendingOf(queue.confirmed, "floor.andon")) {
    if (action.input.workCenterId === workCenterId)
      candidates.push({ calledAt: new Date(action.input.calledAt), status: "sent" });
  }
  if (floor.lastAndon) candidates.push({ calledAt: new Date(floor.lastAndon.calledAt), status: "sent" });
  return candidates.sort((a, b) => b.calledAt.getTime() - a.calledAt.getTime())[0] ?? null;
}

function AndonConfirm(props: {
  code: string;
  error: string | null;
  onCall: (note: string | null) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={styles.confirm}
      aria-labelledby="andon-confirm-title"
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <div className={styles.confirmBody}>
        <h2 id="andon-confirm-title">Call for help at {props.code}?</h2>
        <p>Your team lead and maintenance are alerted. Add what it is about if you can:</p>
        <fieldset className={styles.notes}>
          <legend className="visually-hidden">What is it about</legend>
          {NOTES.map((choice) => (
            <button
              key={choice}
              type="button"
              className={styles.note}
              aria-pressed={note === choice}
              onClick={() => setNote((current) => (current === choice ? null : choice))}
            >
              {choice}
            </button>
          ))}
        </fieldset>
        {props.error ? (
          <p className="field-error" role="alert">
            {props.error}
          </p>
        ) : null}
      </div>
      <div className={styles.confirmActions}>
        <button type="button" className="btn btn-lg" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={`btn btn-lg btn-danger-solid ${styles.confirmCall}`}
          onClick={() => props.onCall(note)}
        >
          Call andon
        </button>
      </div>
    </dialog>
  );
}
