/**
 * The vocabulary of decision records, shared by the API (validation) and the screens (labels).
 * The database holds the same values (ConstraintKind enum; DecisionLink.kind text).
 */
export const CONSTRAINT_KINDS = ["MATERIAL", "STAFFING", "DUE_DATE", "QUALITY", "SAFETY"] as const;
export type TConstraintKind = (typeof CONSTRAINT_KINDS)[number];

export const constraintKindLabels: Record<TConstraintKind, string> = {
  MATERIAL: "Material",
  STAFFING: "Staffing",
  DUE_DATE: "Due date",
  QUALITY: "Quality",
  SAFETY: "Safety",
};

/**
 * What a decision may point at as evidence. INSIGHT is reserved for the insights pillar;
 * CHECKLIST_RUN is attached by rules ("a failed checklist → attach to decision").
 */
export const DECISION_LINK_KINDS = ["EVENT", "DOWNTIME", "ORDER", "INSIGHT", "TASK", "CHECKLIST_RUN"] as const;
export type TDecisionLinkKind = (typeof DECISION_LINK_KINDS)[number];

export const decisionLinkKindLabels: Record<TDecisionLinkKind, string> = {
  EVENT: "Event",
  DOWNTIME: "Downtime",
  ORDER: "Order",
  INSIGHT: "Insight",
  TASK: "Task",
  CHECKLIST_RUN: "Checklist run",
};

/** The situations a decision can be logged from (and which attach a context snapshot). */
export const SITUATION_KINDS = ["DOWNTIME", "ORDER", "INSIGHT"] as const;
export type TSituationKind = (typeof SITUATION_KINDS)[number];

export const TASK_STATUSES = ["OPEN", "ACKNOWLEDGED", "DONE", "CANCELLED"] as const;
export type TTaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
export type TTaskPriority = (typeof TASK_PRIORITIES)[number];

/** Where a task came from (Task.source). */
export const TASK_SOURCES = { manual: "manual", decisionReview: "decision.review" } as const;

/** The follow-up task of a decision's review date: one per decision, whatever retries happen. */
export function reviewTaskKey(decisionId: string): string {
  return `decision-review:${decisionId}`;
}

/**
 * A downtime is not a row of its own: it is a work center's stop, keyed by where the stop
 * began (StateInterval.stopStart). As a link ref it reads "<workCenterId>@<ISO stop start>".
 */
export function downtimeRef(workCenterId: string, stopStart: Date | string): string {
  return `${workCenterId}@${new Date(stopStart).toISOString()}`;
}

export function parseDowntimeRef(ref: string): { workCenterId: string; stopStart: Date } | null {
  const at = ref.indexOf("@");
  if (at <= 0) return null;
  const stopStart = new Date(ref.slice(at + 1));
  if (Number.isNaN(stopStart.getTime())) return null;
  return { workCenterId: ref.slice(0, at), stopStart };
}
