import type { TDecisionContextSnapshot } from "@gemba/domain/decisions/context-snapshot";
import { readContextSnapshot } from "@gemba/domain/decisions/context-snapshot";
import { readStoredOptions, type TDecisionOption } from "@gemba/domain/decisions/decision-draft";
import {
  DECISION_LINK_KINDS,
  parseDowntimeRef,
  type TConstraintKind,
  type TDecisionLinkKind,
} from "@gemba/domain/decisions/decision-kinds";
import { AppError } from "@gemba/domain/errors";
import { roleAtLeast } from "@gemba/domain/roles";
import type { TenantActor } from "../scope";
import { loadPeople, type TPerson } from "../tasks/load-people";
import { TASK_SELECT, type TTaskView, toTaskViews } from "../tasks/task-view";

/** Where a link leads on screen: the thing's own key, read back from the stored ref. */
export type TLinkTarget =
  | { kind: "EVENT"; eventId: string }
  | { kind: "DOWNTIME"; workCenterId: string; stopStart: Date }
  | { kind: "ORDER"; orderId: string }
  | { kind: "TASK"; taskId: string }
  | { kind: "INSIGHT"; insightId: string }
  | { kind: "CHECKLIST_RUN"; runId: string }
  | null;

export type TDecisionDetail = {
  id: string;
  title: string;
  rationale: string;
  options: TDecisionOption[];
  expectedOutcome: string;
  actualOutcome: string | null;
  outcomeRecordedAt: Date | null;
  outcomeRecordedBy: TPerson | null;
  decidedAt: Date;
  decidedBy: TPerson | null;
  workCenter: { id: string; code: string; name: string } | null;
  situation: { kind: string; ref: string; label: string | null } | null;
  constraints: { id: string; kind: TConstraintKind; detail: string }[];
  links: { kind: TDecisionLinkKind; ref: string; label: string; target: TLinkTarget }[];
  /** Null for decisions logged without one. */
  contextSnapshot: TDecisionContextSnapshot | null;
  reviewAt: Date | null;
  reviewTask: TTaskView | null;
  can: { recordOutcome: boolean };
};

/** One decision with everything it was recorded with, and what came of it. */
export async function getDecision(actor: TenantActor, decisionId: string, now = Date.now()): Promise<TDecisionDetail> {
  const { tx } = actor;
  const row = await tx.decision.findFirst({
    where: { id: decisionId },
    select: {
      id: true,
      title: true,
      rationale: true,
      options: true,
      expectedOutcome: true,
      actualOutcome: true,
      outcomeRecordedAt: true,
      outcomeRecordedById: true,
      decidedAt: true,
      decidedById: true,
      situationKind: true,
      situationRef: true,
      contextSnapshot: true,
      reviewAt: true,
      reviewTaskId: true,
      workCenter: { select: { id: true, code: true, name: true } },
      constraints: { select: { id: true, kind: true, detail: true }, orderBy: { kind: "asc" } },
      links: { select: { kind: true, ref: true, label: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!row)
    throw new AppError(
      "NOT_FOUND",
      "This decision does not exist in your plant. It may have been linked from another plant.",
    );
  const [person, reviewRow] = await Promise.all([
    loadPeople(tx, [row.decidedById, row.outcomeRecordedById]),
    row.reviewTaskId
      ? tx.task.findFirst({ where: { id: row.reviewTaskId }, select: TASK_SELECT })
      : Promise.resolve(null),
  ]);
  const [reviewTask] = reviewRow ? await toTaskViews(tx, [reviewRow], actor, now) : [];
  const links = row.links.flatMap((link) => {
    const kind = DECISION_LINK_KINDS.find((known) => known === link.kind);
    return kind ? [{ kind, ref: link.ref, label: link.label, target: targetOf(kind, link.ref) }] : [];
  });
  const situationLink = links.find((link) => link.kind === row.situationKind && link.ref === row.situationRef);
  return {
    id: row.id,
    title: row.title,
    rationale: row.rationale,
    options: readStoredOptions(row.options),
    expectedOutcome: row.expectedOutcome,
    actualOutcome: row.actualOutcome,
    outcomeRecordedAt: row.outcomeRecordedAt,
    outcomeRecordedBy: person(row.outcomeRecordedById),
    decidedAt: row.decidedAt,
    decidedBy: person(row.decidedById),
    workCenter: row.workCenter,
    situation:
      row.situationKind && row.situationRef
        ? { kind: row.situationKind, ref: row.situationRef, label: situationLink?.label ?? null }
        : null,
    constraints: row.constraints,
    links,
    contextSnapshot: readContextSnapshot(row.contextSnapshot),
    reviewAt: row.reviewAt,
    reviewTask: reviewTask ?? null,
    can: { recordOutcome: row.decidedById === actor.userId || roleAtLeast(actor.role, "MANAGER") },
  };
}

function targetOf(kind: TDecisionLinkKind, ref: string): TLinkTarget {
  switch (kind) {
    case "DOWNTIME": {
      const stop = parseDowntimeRef(ref);
      return stop ? { kind, ...stop } : null;
    }
    case "EVENT":
      return { kind, eventId: ref };
    case "ORDER":
      return { kind, orderId: ref };
    case "TASK":
      return { kind, taskId: ref };
    case "INSIGHT":
      return { kind, insightId: ref };
    case "CHECKLIST_RUN":
      return { kind, runId: ref };
  }
}
