import type { TTaskStatus } from "@gemba/domain/decisions/decision-kinds";
import { roleAtLeast, type TRole } from "@gemba/domain/roles";

export type TTaskAction = "acknowledge" | "complete" | "cancel";

export type TTransitionPlan =
  | { kind: "apply"; to: TTaskStatus; from: readonly TTaskStatus[] }
  | { kind: "noop" }
  | { kind: "refuse"; message: string };

/**
 * What an action does to a task in a given status. Repeating an action that already happened is a
 * no-op (a tablet re-sending after a Wi-Fi drop must not fail, nor audit twice); contradicting a
 * closed task is refused with a sentence saying why.
 */
export function planTransition(status: TTaskStatus, action: TTaskAction): TTransitionPlan {
  switch (action) {
    case "acknowledge":
      if (status === "OPEN") return { kind: "apply", to: "ACKNOWLEDGED", from: ["OPEN"] };
      if (status === "ACKNOWLEDGED") return { kind: "noop" };
      return { kind: "refuse", message: closedMessage(status) };
    case "complete":
      if (status === "OPEN" || status === "ACKNOWLEDGED") {
        return { kind: "apply", to: "DONE", from: ["OPEN", "ACKNOWLEDGED"] };
      }
      if (status === "DONE") return { kind: "noop" };
      return { kind: "refuse", message: closedMessage(status) };
    case "cancel":
      if (status === "OPEN" || status === "ACKNOWLEDGED") {
        return { kind: "apply", to: "CANCELLED", from: ["OPEN", "ACKNOWLEDGED"] };
      }
      if (status === "CANCELLED") return { kind: "noop" };
      return { kind: "refuse", message: "This task is already done; it can no longer be cancelled." };
  }
}

function closedMessage(status: TTaskStatus): string {
  return status === "DONE"
    ? "This task is already done. Reload the inbox to see who completed it."
    : "This task was cancelled. Reload the inbox to see why.";
}

export type TTaskAssignment = { assigneeUserId: string | null; assigneeRole: TRole | null };
export type TTaskActor = { userId: string; role: TRole };

/**
 * Who may act on a task: managers and admins on any; others on tasks assigned to them, to their
 * role (or a role below it), or to nobody in particular. Cancelling is for managers.
 */
export function mayAct(task: TTaskAssignment, actor: TTaskActor, action: TTaskAction): boolean {
  if (roleAtLeast(actor.role, "MANAGER")) return true;
  if (action === "cancel") return false;
  if (task.assigneeUserId) return task.assigneeUserId === actor.userId;
  return task.assigneeRole === null || roleAtLeast(actor.role, task.assigneeRole);
}

/** Open and past its due time. */
export function isOverdue(task: { status: TTaskStatus; dueAt: Date | null }, now: number): boolean {
  return (
    (task.status === "OPEN" || task.status === "ACKNOWLEDGED") && task.dueAt !== null && task.dueAt.getTime() < now
  );
}
