"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { dueLabel, priorityLabels } from "~/components/tasks/task-format";
import type { TTask } from "~/components/tasks/task-types";
import { EmptyState } from "~/components/ui/empty-state";
import { CheckIcon, ClockIcon } from "~/components/ui/icons";
import { TimeAgo } from "~/components/ui/time-ago";
import { useTRPC } from "~/trpc/react";
import styles from "./floor-tasks.module.css";
import { pendingOf, useOfflineQueue } from "./offline-queue/use-offline-queue";

const QUICK_RESOLUTIONS = ["Done as asked", "Fixed", "Checked, nothing found"] as const;

/** Open tasks at this work center and the operator's own: every task here, whoever it is for, plus mine elsewhere-less. */
export function useFloorTasks(workCenterId: string) {
  const trpc = useTRPC();
  const here = useQuery({
    ...trpc.tasks.inbox.queryOptions({ status: "open", scope: "mine", workCenterId, limit: 100 }),
    refetchInterval: 30_000,
  });
  const mine = useQuery({
    ...trpc.tasks.inbox.queryOptions({ status: "open", scope: "mine", limit: 100 }),
    refetchInterval: 30_000,
  });
  const tasks = new Map<string, TTask>();
  for (const task of here.data?.tasks ?? []) tasks.set(task.id, task);
  // My tasks not tied to another machine (those belong on that machine's tablet).
  for (const task of mine.data?.tasks ?? [])
    if (!task.workCenter || task.workCenter.id === workCenterId) tasks.set(task.id, task);
  return { tasks: [...tasks.values()], loading: here.isPending || mine.isPending, error: here.error ?? mine.error };
}

/**
 * The tablet's task inbox: acknowledge ("I'm on it") and done, one tap each, through the outbox
 * so they work offline. Task changes are idempotent on the server: a re-send is a no-op.
 */
export function FloorTasks({ workCenterId, tasks }: { workCenterId: string; tasks: ReturnType<typeof useFloorTasks> }) {
  const queue = useOfflineQueue();
  const timeZone = usePlantTimeZone();
  const [completing, setCompleting] = useState<TTask | null>(null);
  const acknowledging = new Set(pendingOf(queue.actions, "tasks.acknowledge").map((action) => action.input.taskId));
  const finishing = new Set(pendingOf(queue.actions, "tasks.complete").map((action) => action.input.taskId));

  if (tasks.loading) return <p className="muted">Loading tasks…</p>;
  if (tasks.error && tasks.tasks.length === 0) {
    return <p className="muted">Tasks cannot be loaded right now. They appear again when the connection is back.</p>;
  }
  if (tasks.tasks.length === 0) {
    return (
      <div className="card">
        <EmptyState icon={<CheckIcon size={22} />} title="No open tasks here">
          Tasks for this work center and for you show up here, for example after an andon call or a failed check.
        </EmptyState>
      </div>
    );
  }
  const now = new Date();
  return (
    <>
      <ul className={styles.list}>
        {tasks.tasks.map((task) => {
          const done = finishing.has(task.id);
          const acknowledged = task.status === "ACKNOWLEDGED" || acknowledging.has(task.id);
          const due = dueLabel(task.dueAt, true, now, timeZone);
          return (
            <li key={task.id} className={styles.task} data-done={done} data-testid="floor-task">
              <div className={styles.text}>
                <div className={styles.titleRow}>
                  {task.priority === "HIGH" || task.priority === "URGENT" ? (
                    <span className="badge badge-danger">{priorityLabels[task.priority]}</span>
                  ) : null}
                  <h3>{task.title}</h3>
                </div>
                {task.detail ? <p className={styles.detail}>{task.detail}</p> : null}
                <p className={styles.meta}>
                  <span className={styles.due} data-tone={due.tone} suppressHydrationWarning>
                    <ClockIcon size={16} /> {due.text}
                  </span>
                  <span>
                    Created <TimeAgo value={task.createdAt} timeZone={timeZone} />
                  </span>
                  {done ? <span className={styles.pending}>Done · pending sync</span> : null}
                  {!done && acknowledging.has(task.id) ? (
                    <span className={styles.pending}>Acknowledged · pending sync</span>
                  ) : null}
                  {!done && task.status === "ACKNOWLEDGED" && !acknowledging.has(task.id) ? (
                    <span>Acknowledged by {task.acknowledgedBy?.name ?? "someone"}</span>
                  ) : null}
                </p>
              </div>
              {done ? null : (
                <div className={styles.actions}>
                  {task.can.acknowledge && !acknowledged ? (
                    <button
                      type="button"
                      className="btn btn-lg"
                      onClick={() =>
                        void queue.enqueue(
                          "tasks.acknowledge",
                          { taskId: task.id },
                          { label: `Acknowledge “${task.title}”`, workCenterId },
                        )
                      }
                    >
                      Acknowledge
                    </button>
                  ) : null}
                  {task.can.complete ? (
                    <button type="button" className="btn btn-lg btn-primary" onClick={() => setCompleting(task)}>
                      Done…
                    </button>
                  ) : null}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {completing ? (
        <DoneSheet
          title={completing.title}
          onDone={(resolution) => {
            void queue.enqueue(
              "tasks.complete",
              { taskId: completing.id, resolution },
              { label: `Done: “${completing.title}”`, workCenterId },
            );
            setCompleting(null);
          }}
          onCancel={() => setCompleting(null)}
        />
      ) : null}
    </>
  );
}

/** "What was done?": one tap on a usual answer, or a few words. */
function DoneSheet(props: { title: string; onDone: (resolution: string) => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [text, setText] = useState("");
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={styles.sheet}
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <form
        className={styles.sheetBody}
        onSubmit={(event) => {
          event.preventDefault();
          if (!text.trim()) {
            setMissing(true);
            return;
          }
          props.onDone(text.trim());
        }}
      >
        <h2 id={`${id}-title`}>What was done?</h2>
        <p className="muted">{props.title}</p>
        <div className={styles.quick}>
          {QUICK_RESOLUTIONS.map((resolution) => (
            <button key={resolution} type="button" className="btn btn-lg" onClick={() => props.onDone(resolution)}>
              {resolution}
            </button>
          ))}
        </div>
        <label className="field">
          <span className="field-label">Or in your words</span>
          <textarea
            className={`input ${styles.textarea}`}
            value={text}
            maxLength={2_000}
            aria-invalid={missing ? true : undefined}
            onChange={(event) => setText(event.target.value)}
          />
          {missing ? <span className="field-error">Say what was done, or tap one of the answers above.</span> : null}
        </label>
        <div className={styles.sheetActions}>
          <button type="button" className="btn btn-lg" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-lg btn-primary">
            Mark as done
          </button>
        </div>
      </form>
    </dialog>
  );
}
