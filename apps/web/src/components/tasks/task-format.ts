import type { TTaskPriority, TTaskStatus } from "@gemba/domain/decisions/decision-kinds";
import { roleLabels, type TRole } from "@gemba/domain/roles";
// Relative, not "~/": unit tests run this file without the app's path aliases.
import { dueTone, formatDateTime, formatTime } from "../../lib/format";

export const statusLabels: Record<TTaskStatus, { label: string; className: string }> = {
  OPEN: { label: "Open", className: "badge badge-accent" },
  ACKNOWLEDGED: { label: "Acknowledged", className: "badge badge-accent badge-dot" },
  DONE: { label: "Done", className: "badge badge-success" },
  CANCELLED: { label: "Cancelled", className: "badge" },
};

export const priorityLabels: Record<TTaskPriority, string> = {
  LOW: "Low",
  NORMAL: "Normal",
  HIGH: "High",
  URGENT: "Urgent",
};

export type TDueLabel = { tone: "late" | "today" | "upcoming" | "none"; text: string };

/** "Overdue · was due Nov 24, 14:00", "Due today 16:00", "Due Nov 27, 08:00", in the plant's clock. */
export function dueLabel(dueAt: Date | string | null, open: boolean, now: Date, timeZone: string): TDueLabel {
  if (!dueAt) return { tone: "none", text: "No due date" };
  if (!open) return { tone: "none", text: `Was due ${formatDateTime(dueAt, timeZone)}` };
  const tone = dueTone(dueAt, now, timeZone);
  if (tone === "late") return { tone, text: `Overdue · was due ${formatDateTime(dueAt, timeZone)}` };
  if (tone === "today") return { tone, text: `Due today ${formatTime(dueAt, timeZone)}` };
  return { tone, text: `Due ${formatDateTime(dueAt, timeZone)}` };
}

/** Who a task is for, in words. */
export function assigneeText(
  task: { assignee: { name: string } | null; assigneeRole: TRole | null },
  myName: string,
): string {
  if (task.assignee) return task.assignee.name === myName ? "For you" : `For ${task.assignee.name}`;
  if (task.assigneeRole) return `For every ${roleLabels[task.assigneeRole].toLowerCase()}`;
  return "For anyone";
}
