import type { Prisma } from "@gemba/db/client";
import type { Tx } from "@gemba/db/tenant-scope";
import { chosenOptionLabel, readStoredOptions } from "@gemba/domain/decisions/decision-draft";
import { constraintKindLabels, type TConstraintKind } from "@gemba/domain/decisions/decision-kinds";
import { type TTimelineItem, type TWindow, WHY_LIMITS } from "@gemba/domain/decisions/why-timeline";
import { roleLabels, type TRole } from "@gemba/domain/roles";
import { loadPeople } from "../tasks/load-people";
import type { TEntries } from "./why-machine-entries";

/**
 * Decisions tied to the subject (by link, or the subject itself) and those taken at its work
 * center in the window, each with its constraints and, once recorded, its outcome. Returns the
 * review tasks too: they belong on the same timeline.
 */
export async function loadDecisionEntries(
  tx: Tx,
  scope: { decisionIds: readonly string[]; workCenterId: string | null; window: TWindow },
): Promise<TEntries & { reviewTaskIds: string[] }> {
  const where: Prisma.DecisionWhereInput[] = [];
  if (scope.decisionIds.length) where.push({ id: { in: [...scope.decisionIds] } });
  if (scope.workCenterId) {
    where.push({
      workCenterId: scope.workCenterId,
      decidedAt: { gte: new Date(scope.window.from), lte: new Date(scope.window.to) },
    });
  }
  if (where.length === 0) return { items: [], truncated: false, reviewTaskIds: [] };
  const rows = await tx.decision.findMany({
    where: { OR: where },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    take: WHY_LIMITS.decisions + 1,
    select: {
      id: true,
      title: true,
      options: true,
      rationale: true,
      decidedAt: true,
      decidedById: true,
      actualOutcome: true,
      outcomeRecordedAt: true,
      outcomeRecordedById: true,
      reviewTaskId: true,
      workCenter: { select: { code: true } },
      constraints: { select: { id: true, kind: true, detail: true } },
    },
  });
  const page = rows.slice(0, WHY_LIMITS.decisions);
  const person = await loadPeople(
    tx,
    page.flatMap((row) => [row.decidedById, row.outcomeRecordedById]),
  );
  const items: TTimelineItem[] = [];
  for (const row of page) {
    const ref = { type: "decision", id: row.id } as const;
    const workCenterCode = row.workCenter?.code ?? null;
    items.push({
      id: `decision:${row.id}`,
      kind: "DECISION",
      at: row.decidedAt,
      title: `Decided: ${row.title}`,
      detail: `Chose “${chosenOptionLabel(readStoredOptions(row.options), row.title)}”. ${row.rationale}`,
      tone: "info",
      workCenterCode,
      actor: person(row.decidedById)?.name ?? null,
      ref,
    });
    for (const constraint of row.constraints) {
      items.push({
        id: `constraint:${constraint.id}`,
        kind: "CONSTRAINT",
        at: row.decidedAt,
        title: `${constraintKindLabels[constraint.kind as TConstraintKind]} constraint`,
        detail: constraint.detail,
        tone: constraint.kind === "SAFETY" || constraint.kind === "QUALITY" ? "warning" : "neutral",
        workCenterCode,
        actor: null,
        ref,
      });
    }
    if (row.actualOutcome !== null && row.outcomeRecordedAt) {
      items.push({
        id: `decision:${row.id}:outcome`,
        kind: "DECISION",
        at: row.outcomeRecordedAt,
        title: `Outcome of: ${row.title}`,
        detail: row.actualOutcome,
        tone: "success",
        workCenterCode,
        actor: person(row.outcomeRecordedById)?.name ?? null,
        ref,
      });
    }
  }
  return {
    items,
    truncated: rows.length > WHY_LIMITS.decisions,
    reviewTaskIds: page.flatMap((row) => (row.reviewTaskId ? [row.reviewTaskId] : [])),
  };
}

/**
 * Tasks tied to the subject and those created at its work center in the window: one entry each
 * for being created, acknowledged and closed, so the timeline shows how long each step took.
 */
export async function loadTaskEntries(
  tx: Tx,
  scope: { taskIds: readonly string[]; workCenterId: string | null; window: TWindow },
): Promise<TEntries> {
  const where: Prisma.TaskWhereInput[] = [];
  if (scope.taskIds.length) where.push({ id: { in: [...scope.taskIds] } });
  if (scope.workCenterId) {
    where.push({
      workCenterId: scope.workCenterId,
      createdAt: { gte: new Date(scope.window.from), lte: new Date(scope.window.to) },
    });
  }
  if (where.length === 0) return { items: [], truncated: false };
  const rows = await tx.task.findMany({
    where: { OR: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: WHY_LIMITS.tasks + 1,
    select: {
      id: true,
      title: true,
      status: true,
      resolution: true,
      createdAt: true,
      createdById: true,
      acknowledgedAt: true,
      acknowledgedById: true,
      completedAt: true,
      completedById: true,
      assigneeUserId: true,
      assigneeRole: true,
      workCenter: { select: { code: true } },
    },
  });
  const page = rows.slice(0, WHY_LIMITS.tasks);
  const person = await loadPeople(
    tx,
    page.flatMap((row) => [row.createdById, row.acknowledgedById, row.completedById, row.assigneeUserId]),
  );
  const items: TTimelineItem[] = [];
  for (const row of page) {
    const base = {
      kind: "TASK" as const,
      workCenterCode: row.workCenter?.code ?? null,
      ref: { type: "task", id: row.id } as const,
    };
    items.push({
      ...base,
      id: `task:${row.id}:created`,
      at: row.createdAt,
      title: `Task created: ${row.title}`,
      detail: assigneeText(person(row.assigneeUserId)?.name ?? null, row.assigneeRole),
      tone: "neutral",
      actor: person(row.createdById)?.name ?? null,
    });
    if (row.acknowledgedAt) {
      items.push({
        ...base,
        id: `task:${row.id}:acknowledged`,
        at: row.acknowledgedAt,
        title: `Task acknowledged: ${row.title}`,
        detail: null,
        tone: "neutral",
        actor: person(row.acknowledgedById)?.name ?? null,
      });
    }
    if (row.completedAt && (row.status === "DONE" || row.status === "CANCELLED")) {
      const done = row.status === "DONE";
      items.push({
        ...base,
        id: `task:${row.id}:${done ? "done" : "cancelled"}`,
        at: row.completedAt,
        title: `${done ? "Task done" : "Task cancelled"}: ${row.title}`,
        detail: row.resolution,
        tone: done ? "success" : "neutral",
        actor: person(row.completedById)?.name ?? null,
      });
    }
  }
  return { items, truncated: rows.length > WHY_LIMITS.tasks };
}

function assigneeText(person: string | null, role: TRole | null): string | null {
  if (person) return `For ${person}`;
  return role ? `For every ${roleLabels[role].toLowerCase()}` : null;
}
