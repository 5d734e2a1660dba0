import { addDays, formatLocalDate, utcToZoned, zonedToUtc } from "@gemba/domain/calendar/zoned-time";
import { findDraftProblems, problemsByField } from "@gemba/domain/decisions/decision-draft";
import type { TConstraintKind } from "@gemba/domain/decisions/decision-kinds";
import type { TLogDecisionInput, TSituationProp } from "./decision-types";

export type TOptionDraft = { key: string; label: string; note: string };
export type TConstraintDraft = { key: string; kind: TConstraintKind; detail: string };

/** What the "Log a decision" form holds while it is being filled in. */
export type TDecisionForm = {
  title: string;
  rationale: string;
  expectedOutcome: string;
  options: TOptionDraft[];
  chosenKey: string;
  constraints: TConstraintDraft[];
  /** Typed in the constraint row but not added with its button yet. */
  pendingConstraint: { kind: TConstraintKind; detail: string };
  /** Plant-local "YYYY-MM-DD" and "HH:MM"; empty date: no review. */
  reviewDate: string;
  reviewTime: string;
  workCenterId: string;
  orderId: string;
};

let counter = 0;
/** Keys for rows the user adds and removes (never sent to the API). */
export function rowKey(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

export function emptyForm(workCenterId = ""): TDecisionForm {
  const chosen = rowKey("option");
  return {
    title: "",
    rationale: "",
    expectedOutcome: "",
    options: [
      { key: chosen, label: "", note: "" },
      { key: rowKey("option"), label: "", note: "" },
    ],
    chosenKey: chosen,
    constraints: [],
    pendingConstraint: { kind: "MATERIAL", detail: "" },
    reviewDate: "",
    reviewTime: "08:00",
    workCenterId,
    orderId: "",
  };
}

export const REVIEW_PRESETS = [
  { id: "tomorrow", label: "Tomorrow", days: 1 },
  { id: "three-days", label: "In 3 days", days: 3 },
  { id: "week", label: "In a week", days: 7 },
] as const;

/** A preset's plant-local date, the review at the start of the morning shift by default. */
export function presetDate(days: number, now: number, timeZone: string): string {
  return formatLocalDate(addDays(utcToZoned(now, timeZone), days));
}

/** The review instant for a plant-local date and time, or null when the date is empty or unreadable. */
export function reviewInstant(date: string, time: string, timeZone: string): string | null {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!dateMatch) return null;
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time || "08:00");
  if (!timeMatch) return null;
  const local = { year: Number(dateMatch[1]), month: Number(dateMatch[2]), day: Number(dateMatch[3]) };
  return zonedToUtc(local, Number(timeMatch[1]) * 60 + Number(timeMatch[2]), timeZone).toISOString();
}

export type TFormResult = { ok: true; input: TLogDecisionInput } | { ok: false; errors: Record<string, string[]> };

/**
 * The form as the API's input, or the problems to show under each field. Empty option rows that
 * are not the chosen one are left out (the form starts with two rows).
 */
export function formToInput(
  form: TDecisionForm,
  context: { situation: TSituationProp | undefined; timeZone: string; idempotencyKey: string; now: number },
): TFormResult {
  const options = form.options
    .filter((option) => option.label.trim() || option.key === form.chosenKey)
    .map((option) => ({
      label: option.label.trim(),
      chosen: option.key === form.chosenKey,
      ...(option.note.trim() ? { note: option.note.trim() } : {}),
    }));
  const constraints = [...form.constraints, { key: "pending", ...form.pendingConstraint }]
    .filter((constraint) => constraint.detail.trim())
    .map((constraint) => ({ kind: constraint.kind, detail: constraint.detail.trim() }));
  const reviewAt = reviewInstant(form.reviewDate, form.reviewTime, context.timeZone);
  const errors: Record<string, string[]> = problemsByField(
    findDraftProblems(
      {
        title: form.title,
        rationale: form.rationale,
        expectedOutcome: form.expectedOutcome,
        options,
        constraints,
        reviewAt,
      },
      context.now,
    ),
  );
  if (form.reviewDate && !reviewAt) errors.reviewAt = ["Enter the review date and time."];
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const situation = context.situation;
  return {
    ok: true,
    input: {
      title: form.title.trim(),
      rationale: form.rationale.trim(),
      expectedOutcome: form.expectedOutcome.trim(),
      options,
      constraints,
      links: form.orderId ? [{ kind: "ORDER", orderId: form.orderId }] : [],
      ...(reviewAt ? { reviewAt } : {}),
      ...(situation?.kind === "DOWNTIME"
        ? {
            situation: {
              kind: "DOWNTIME" as const,
              workCenterId: situation.workCenterId,
              stopStart: new Date(situation.stopStart).toISOString(),
            },
          }
        : situation?.kind === "ORDER"
          ? { situation: { kind: "ORDER" as const, orderId: situation.orderId } }
          : situation?.kind === "INSIGHT"
            ? { situation: { kind: "INSIGHT" as const, insightId: situation.insightId } }
            : {}),
      ...(form.workCenterId ? { workCenterId: form.workCenterId } : {}),
      idempotencyKey: context.idempotencyKey,
    },
  };
}
