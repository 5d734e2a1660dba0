import type { Tx } from "@gemba/db/tenant-scope";
import type { TTaskPriority, TTaskStatus } from "@gemba/domain/decisions/decision-kinds";
import { TASK_SOURCES } from "@gemba/domain/decisions/decision-kinds";
import type { TRole } from "@gemba/domain/roles";
import { loadPeople, type TPerson } from "./load-people";
import { isOverdue, mayAct, type TTaskActor } from "./task-rules";

/** The columns every task screen needs; people are resolved to names in one query per page. */
export const TASK_SELECT = {
  id: true,
  title: true,
  detail: true,
  status: true,
  priority: true,
  assigneeRole: true,
  assigneeUserId: true,
  dueAt: true,
  source: true,
  sourceId: true,
  createdAt: true,
  createdById: true,
  acknowledgedAt: true,
  acknowledgedById: true,
  completedAt: true,
  completedById: true,
  resolution: true,
  workCenter: { select: { id: true, code: true, name: true } },
} as const;

type TTaskRow = {
  id: string;
  title: string;
  detail: string | null;
  status: TTaskStatus;
  priority: TTaskPriority;
  assigneeRole: TRole | null;
  assigneeUserId: string | null;
  dueAt: Date | null;
  source: string;
  sourceId: string | null;
  createdAt: Date;
  createdById: string | null;
  acknowledgedAt: Date | null;
  acknowledgedById: string | null;
  completedAt: Date | null;
  completedById: string | null;
  resolution: string | null;
  workCenter: { id: string; code: string; name: string } | null;
};

export type TTaskView = Omit<
  TTaskRow,
  "assigneeUserId" | "createdById" | "acknowledgedById" | "completedById" | "sourceId"
> & {
  assignee: TPerson | null;
  createdBy: TPerson | null;
  acknowledgedBy: TPerson | null;
  completedBy: TPerson | null;
  /** The decision a review task follows up. */
  decision: { id: string; title: string } | null;
  overdue: boolean;
  /** What the signed-in member may do with it now (the API checks again). */
  can: { acknowledge: boolean; complete: boolean; cancel: boolean };
};

/** Rows as screens show them: names instead of user ids, the decision behind a review, allowed actions. */
export async function toTaskViews(
  tx: Tx,
  rows: readonly TTaskRow[],
  actor: TTaskActor,
  now: number,
): Promise<TTaskView[]> {
  const userIds = new Set<string>();
  for (const row of rows) {
    for (const id of [row.assigneeUserId, row.createdById, row.acknowledgedById, row.completedById]) {
      if (id) userIds.add(id);
    }
  }
  const decisionIds = rows.flatMap((row) =>
    row.source === TASK_SOURCES.decisionReview && row.sourceId ? [row.sourceId] : [],
  );
  const [person, decisions] = await Promise.all([
    loadPeople(tx, userIds),
    decisionIds.length
      ? tx.decision.findMany({ where: { id: { in: decisionIds } }, select: { id: true, title: true } })
      : [],
  ]);
  const decisionById = new Map(decisions.map((decision) => [decision.id, decision]));
  return rows.map(({ assigneeUserId, createdById, acknowledgedById, completedById, sourceId, ...row }) => {
    const open = row.status === "OPEN" || row.status === "ACKNOWLEDGED";
    const assignment = { assigneeUserId, assigneeRole: row.assigneeRole };
    return {
      ...row,
      assignee: person(assigneeUserId),
      createdBy: person(createdById),
      acknowledgedBy: person(acknowledgedById),
      completedBy: person(completedById),
      decision: row.source === TASK_SOURCES.decisionReview && sourceId ? (decisionById.get(sourceId) ?? null) : null,
      overdue: isOverdue(row, now),
      can: {
        acknowledge: row.status === "OPEN" && mayAct(assignment, actor, "acknowledge"),
        complete: open && mayAct(assignment, actor, "complete"),
        cancel: open && mayAct(assignment, actor, "cancel"),
      },
    };
  });
}
