import { z } from "zod";
import { CONSTRAINT_KINDS } from "./decision-kinds";

export const DECISION_LIMITS = {
  title: 200,
  text: 4_000,
  optionLabel: 200,
  optionNote: 1_000,
  options: 10,
  constraints: 10,
  constraintDetail: 500,
  links: 20,
  /** A review further out than this is a plan, not a follow-up. */
  reviewHorizonDays: 366,
} as const;

export const ZDecisionOption = z.object({
  label: z.string().trim().min(1, "Name the option.").max(DECISION_LIMITS.optionLabel),
  chosen: z.boolean(),
  note: z.string().trim().max(DECISION_LIMITS.optionNote).optional(),
});
export type TDecisionOption = z.infer<typeof ZDecisionOption>;

export const ZDecisionConstraint = z.object({
  kind: z.enum(CONSTRAINT_KINDS),
  detail: z.string().trim().min(1, "Say what the constraint was.").max(DECISION_LIMITS.constraintDetail),
});
export type TDecisionConstraintInput = z.infer<typeof ZDecisionConstraint>;

/** The parts of a decision whose rules span several fields (shapes and lengths are checked by zod). */
export type TDecisionDraft = {
  title: string;
  rationale: string;
  expectedOutcome: string;
  options: readonly TDecisionOption[];
  constraints: readonly TDecisionConstraintInput[];
  /** ISO instant, or absent for no review. */
  reviewAt?: string | null | undefined;
};

export type TDraftProblem = { field: string; message: string };

const MS_PER_DAY = 86_400_000;
/** A review date a minute in the past is a clock difference between tablet and server, not a mistake. */
const REVIEW_CLOCK_SLACK_MS = 5 * 60_000;

/**
 * What keeps a draft from being a decision record, field by field, in the words the form shows.
 * The same rules run in the browser (before sending) and in the API (before storing).
 */
export function findDraftProblems(draft: TDecisionDraft, now: number): TDraftProblem[] {
  const problems: TDraftProblem[] = [];
  if (draft.title.trim().length === 0) problems.push({ field: "title", message: "Say in one line what was decided." });
  if (draft.rationale.trim().length === 0) problems.push({ field: "rationale", message: "Say why it was decided." });
  if (draft.expectedOutcome.trim().length === 0) {
    problems.push({ field: "expectedOutcome", message: "Say what should come of it, so it can be reviewed." });
  }

  if (draft.options.length === 0) {
    problems.push({ field: "options", message: "Add the option that was chosen (and any that were considered)." });
  } else {
    const chosen = draft.options.filter((option) => option.chosen).length;
    if (chosen !== 1) {
      problems.push({
        field: "options",
        message: chosen === 0 ? "Mark the option that was chosen." : "Mark only one option as chosen.",
      });
    }
    const labels = draft.options.map((option) => option.label.trim().toLowerCase());
    if (labels.some((label) => label.length === 0)) problems.push({ field: "options", message: "Name every option." });
    else if (new Set(labels).size !== labels.length) {
      problems.push({ field: "options", message: "Two options have the same name; merge or rename them." });
    }
  }

  const constraintKeys = draft.constraints.map(
    (constraint) => `${constraint.kind}:${constraint.detail.trim().toLowerCase()}`,
  );
  if (draft.constraints.some((constraint) => constraint.detail.trim().length === 0)) {
    problems.push({ field: "constraints", message: "Say what each constraint was." });
  } else if (new Set(constraintKeys).size !== constraintKeys.length) {
    problems.push({ field: "constraints", message: "The same constraint is listed twice." });
  }

  if (draft.reviewAt) {
    const reviewAt = Date.parse(draft.reviewAt);
    if (Number.isNaN(reviewAt)) problems.push({ field: "reviewAt", message: "Enter a valid review date." });
    else if (reviewAt < now - REVIEW_CLOCK_SLACK_MS) {
      problems.push({ field: "reviewAt", message: "The review date has passed; pick a time from now on." });
    } else if (reviewAt > now + DECISION_LIMITS.reviewHorizonDays * MS_PER_DAY) {
      problems.push({ field: "reviewAt", message: "Pick a review date within a year." });
    }
  }
  return problems;
}

/** Problems grouped by field, as the form shows them under each input. */
export function problemsByField(problems: readonly TDraftProblem[]): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const problem of problems) byField[problem.field] = [...(byField[problem.field] ?? []), problem.message];
  return byField;
}

/** The chosen option's label; the title when the record somehow has none (older or imported rows). */
export function chosenOptionLabel(options: readonly TDecisionOption[], fallback: string): string {
  return options.find((option) => option.chosen)?.label ?? fallback;
}

/** Options as stored (Decision.options JSON), read back tolerantly: unreadable entries are left out. */
export function readStoredOptions(value: unknown): TDecisionOption[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = z.object({ label: z.string(), chosen: z.boolean(), note: z.string().nullish() }).safeParse(entry);
    if (!parsed.success) return [];
    const { label, chosen, note } = parsed.data;
    return [note ? { label, chosen, note } : { label, chosen }];
  });
}
