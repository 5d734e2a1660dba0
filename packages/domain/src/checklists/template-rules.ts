import { z } from "zod";
import { CHECKLIST_LIMITS, type TChecklistStep, ZChecklistStep } from "./checklist-steps";

/**
 * The rules of a template that span fields (shapes and lengths are checked by the step schema):
 * each broken rule is reported on the field to fix, so the editor can show it right there and
 * the API's validation error names the same field ("steps.2.input.max").
 */

export type TTemplateIssue = { path: (string | number)[]; message: string };

export const ZChecklistDetails = z.object({
  name: z
    .string()
    .trim()
    .min(3, "Give the checklist a name of a few words, e.g. “Press start-up check”.")
    .max(CHECKLIST_LIMITS.name, `Keep the name to ${CHECKLIST_LIMITS.name} characters.`),
  description: z
    .string()
    .trim()
    .max(CHECKLIST_LIMITS.description, `Keep the description to ${CHECKLIST_LIMITS.description} characters.`)
    .default(""),
  /** The line it applies to; null for every work center of the plant. */
  lineId: z.uuid().nullable().default(null),
});

/** What one version holds: the steps in order and whether a run must be signed off. */
export const checklistContentShape = {
  requireSignOff: z.boolean().default(true),
  steps: z.array(ZChecklistStep).max(CHECKLIST_LIMITS.steps, `Keep a checklist to ${CHECKLIST_LIMITS.steps} steps.`),
};

/** The cross-field rules as a zod refinement, for every schema that carries a version's content. */
export function refineChecklistContent(content: { steps: TChecklistStep[] }, context: z.RefinementCtx): void {
  for (const issue of contentIssues(content.steps)) {
    context.addIssue({ code: "custom", path: issue.path, message: issue.message });
  }
}

export const ZChecklistContent = z.object(checklistContentShape).superRefine(refineChecklistContent);

export type TChecklistDetails = z.infer<typeof ZChecklistDetails>;
export type TChecklistContent = z.infer<typeof ZChecklistContent>;
export type TChecklistContentInput = z.input<typeof ZChecklistContent>;

/** Every rule the steps break, each on its field; empty when the steps can be published. */
export function contentIssues(steps: readonly TChecklistStep[]): TTemplateIssue[] {
  const issues: TTemplateIssue[] = [];
  if (steps.length === 0) issues.push({ path: ["steps"], message: "Add at least one step." });
  const seen = new Map<string, number>();
  for (const [index, step] of steps.entries()) {
    const first = seen.get(step.id);
    if (first !== undefined) {
      issues.push({
        path: ["steps", index, "id"],
        message: `Steps ${first + 1} and ${index + 1} have the same id “${step.id}”; each step needs its own.`,
      });
    } else {
      seen.set(step.id, index);
    }
    if (step.input.kind !== "NUMBER") continue;
    const { min, max, decimals } = step.input;
    if (min !== null && max !== null && min > max) {
      issues.push({
        path: ["steps", index, "input", "max"],
        message: `The upper limit (${max}) is below the lower limit (${min}).`,
      });
    }
    if (decimals !== null) {
      for (const [field, limit] of [
        ["min", min],
        ["max", max],
      ] as const) {
        if (limit !== null && decimalsOf(limit) > decimals) {
          issues.push({
            path: ["steps", index, "input", field],
            message: `${field === "min" ? "The lower" : "The upper"} limit ${limit} has more decimals than the ${decimals} a value may have.`,
          });
        }
      }
    }
  }
  return issues;
}

/** Decimals written in a number's shortest form: 84 → 0, 84.25 → 2, 1e-7 → 7. */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const [mantissa = "", exponent] = value.toString().split("e");
  const fraction = mantissa.split(".")[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/**
 * An id for a new step: random, so a step added later never takes the id a removed step had in an
 * earlier version (answers and rules follow a step by its id). `random` gives a few hex digits.
 */
export function newStepId(taken: Iterable<string>, random: () => string): string {
  const used = new Set(taken);
  for (;;) {
    const id = `step-${random()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "")
      .slice(0, 8)}`;
    if (id.length > "step-".length && !used.has(id)) return id;
  }
}

/**
 * Whether two versions say the same thing (publishing an unchanged copy would only make the
 * history longer). Both sides are parsed first, so defaults and key order do not count.
 */
export function sameContent(a: TChecklistContentInput, b: TChecklistContentInput): boolean {
  const parse = (content: TChecklistContentInput) => {
    const parsed = ZChecklistContent.safeParse(content);
    return parsed.success ? JSON.stringify(parsed.data) : null;
  };
  const left = parse(a);
  return left !== null && left === parse(b);
}
