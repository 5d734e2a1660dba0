"use client";

import Link from "next/link";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { ClockIcon } from "~/components/ui/icons";
import { TimeAgo } from "~/components/ui/time-ago";
import { formatDateTime } from "~/lib/format";
import { assigneeText, dueLabel, priorityLabels, statusLabels } from "./task-format";
import type { TTask } from "./task-types";
import styles from "./tasks.module.css";

type TTaskCardProps = {
  task: TTask;
  /** The decisions page is for managers: operators see the decision's title without a link. */
  linkDecisions: boolean;
  myName: string;
  now: Date;
  pending: boolean;
  onAcknowledge: () => void;
  onComplete: () => void;
  onCancel: () => void;
};

/** One task: what, for whom, where, when it is due (overdue in red), and what can be done with it now. */
export function TaskCard({
  task,
  linkDecisions,
  myName,
  now,
  pending,
  onAcknowledge,
  onComplete,
  onCancel,
}: TTaskCardProps) {
  const timeZone = usePlantTimeZone();
  const open = task.status === "OPEN" || task.status === "ACKNOWLEDGED";
  const due = dueLabel(task.dueAt, open, now, timeZone);
  const status = statusLabels[task.status];
  return (
    <li
      className={styles.card}
      data-due={open ? due.tone : "none"}
      data-status={task.status}
      data-testid="task-card"
      data-task-id={task.id}
    >
      <div className={styles.main}>
        <div className={styles.titleRow}>
          {task.priority === "HIGH" || task.priority === "URGENT" ? (
            <span className={`badge ${styles.priority}`} data-priority={task.priority}>
              {priorityLabels[task.priority]}
            </span>
          ) : null}
          <h3>{task.title}</h3>
          <span className={status.className} data-testid="task-status">
            {status.label}
          </span>
        </div>
        {task.detail ? <p className={styles.detail}>{task.detail}</p> : null}
        <div className={styles.meta}>
          <span>{assigneeText(task, myName)}</span>
          {task.workCenter ? <span>At {task.workCenter.code}</span> : null}
          {task.decision ? (
            <span>
              Follows up{" "}
              {linkDecisions ? (
                <Link href={`/decisions?decision=${task.decision.id}`}>{task.decision.title}</Link>
              ) : (
                <strong>{task.decision.title}</strong>
              )}
            </span>
          ) : null}
          <span>
            Created {task.createdBy ? `by ${task.createdBy.name} ` : ""}
            <TimeAgo value={task.createdAt} timeZone={timeZone} />
          </span>
          {task.acknowledgedAt && task.status === "ACKNOWLEDGED" ? (
            <span>
              Acknowledged by {task.acknowledgedBy?.name ?? "someone"} {formatDateTime(task.acknowledgedAt, timeZone)}
            </span>
          ) : null}
        </div>
        {!open && task.resolution ? (
          <div className={styles.resolution}>
            <strong>{task.status === "DONE" ? "Done" : "Cancelled"}</strong>
            {task.completedBy ? ` by ${task.completedBy.name}` : ""}
            {task.completedAt ? `, ${formatDateTime(task.completedAt, timeZone)}` : ""}: {task.resolution}
          </div>
        ) : null}
      </div>
      <div className={styles.side}>
        <span className={styles.due} data-tone={due.tone} data-testid="task-due" suppressHydrationWarning>
          <ClockIcon size={16} />
          {due.text}
        </span>
        {open ? (
          <div className={styles.actions}>
            {task.can.acknowledge ? (
              <button type="button" className="btn" disabled={pending} onClick={onAcknowledge}>
                Acknowledge
              </button>
            ) : null}
            {task.can.complete ? (
              <button type="button" className="btn btn-primary" disabled={pending} onClick={onComplete}>
                Complete…
              </button>
            ) : null}
            {task.can.cancel ? (
              <button type="button" className="btn btn-ghost" disabled={pending} onClick={onCancel}>
                Cancel task…
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </li>
  );
}
