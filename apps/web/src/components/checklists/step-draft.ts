import type { TChecklistStep, TChecklistStepInput, TInputKind } from "@gemba/domain/checklists/checklist-steps";
import { newStepId, ZChecklistContent } from "@gemba/domain/checklists/template-rules";

/**
 * A step as the editor holds it: numbers as typed (so "8," or "" can sit in a field while the
 * manager types), turned into the API's shape only when publishing. Problems are keyed like the
 * API's validation errors ("steps.2.input.max"), so local checks and server answers land on the
 * same field.
 */
export type TStepDraft = {
  id: string;
  title: string;
  instructions: string;
  imageId: string | null;
  kind: TInputKind;
  required: boolean;
  min: string;
  max: string;
  unit: string;
  decimals: string;
};

export type TDraftIssues = Record<string, string>;

export function draftFromStep(step: TChecklistStep): TStepDraft {
  const input = step.input;
  const number = input.kind === "NUMBER" ? input : null;
  return {
    id: step.id,
    title: step.title,
    instructions: step.instructions,
    imageId: step.imageId,
    kind: input.kind,
    required: input.required,
    min: asText(number?.min),
    max: asText(number?.max),
    unit: number?.unit ?? "",
    decimals: asText(number?.decimals),
  };
}

function asText(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

export function newStepDraft(existing: readonly TStepDraft[], kind: TInputKind = "CHECK"): TStepDraft {
  return {
    id: newStepId(
      existing.map((step) => step.id),
      () => crypto.randomUUID(),
    ),
    title: "",
    instructions: "",
    imageId: null,
    kind,
    required: true,
    min: "",
    max: "",
    unit: "",
    decimals: "",
  };
}

/** "84,5" (a tablet's or a German keyboard's decimal comma) and "84.5" are the same number; "" is no limit. */
export function parseDecimal(text: string): number | null | "invalid" {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return "invalid";
  return Number(trimmed);
}

/** The draft as the API takes it, and every problem found on the way, keyed by field. */
export function draftToSteps(drafts: readonly TStepDraft[]): { steps: TChecklistStepInput[]; issues: TDraftIssues } {
  const issues: TDraftIssues = {};
  const steps = drafts.map((draft, index): TChecklistStepInput => {
    const base = {
      id: draft.id,
      title: draft.title,
      instructions: draft.instructions,
      imageId: draft.imageId,
    };
    if (draft.kind !== "NUMBER") return { ...base, input: { kind: draft.kind, required: draft.required } };
    const number = (field: "min" | "max" | "decimals") => {
      const parsed = parseDecimal(draft[field]);
      if (parsed === "invalid") {
        issues[`steps.${index}.input.${field}`] = "Enter a number, e.g. 180 or 82.5.";
        return null;
      }
      if (field === "decimals" && parsed !== null && !(Number.isInteger(parsed) && parsed >= 0 && parsed <= 6)) {
        issues[`steps.${index}.input.decimals`] = "Decimals is a whole number from 0 to 6.";
        return null;
      }
      return parsed;
    };
    return {
      ...base,
      input: {
        kind: "NUMBER",
        required: draft.required,
        min: number("min"),
        max: number("max"),
        unit: draft.unit,
        decimals: number("decimals"),
      },
    };
  });
  return { steps, issues };
}

/** Every problem of the draft, as the API would report it, before anything is sent. */
export function draftIssues(drafts: readonly TStepDraft[], requireSignOff: boolean): TDraftIssues {
  const { steps, issues } = draftToSteps(drafts);
  const parsed = ZChecklistContent.safeParse({ requireSignOff, steps });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".") || "steps";
      issues[key] ??= issue.message;
    }
  }
  return issues;
}

/** Moves a step up (-1) or down (+1); the ids stay with their steps. */
export function moveStep(drafts: readonly TStepDraft[], index: number, by: -1 | 1): TStepDraft[] {
  const target = index + by;
  if (target < 0 || target >= drafts.length) return [...drafts];
  const next = [...drafts];
  const [moved] = next.splice(index, 1);
  if (moved) next.splice(target, 0, moved);
  return next;
}
