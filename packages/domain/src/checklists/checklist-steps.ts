import { z } from "zod";

/**
 * The steps of a checklist or work instruction, as stored in `ChecklistTemplateVersion.steps`.
 * A version is never changed once published, so what a run shows is read back through these
 * schemas: the defaults make an old row and a new one look the same.
 */

export const CHECKLIST_LIMITS = {
  name: 120,
  description: 1_000,
  steps: 100,
  stepTitle: 200,
  instructions: 4_000,
  unit: 16,
  maxDecimals: 6,
  textAnswer: 2_000,
  note: 500,
} as const;

export const INPUT_KINDS = ["CHECK", "NUMBER", "PASS_FAIL", "TEXT", "PHOTO"] as const;
export type TInputKind = (typeof INPUT_KINDS)[number];

export const INPUT_KIND_LABELS: Readonly<Record<TInputKind, string>> = {
  CHECK: "Tick when done",
  NUMBER: "Measured value",
  PASS_FAIL: "Pass / fail",
  TEXT: "Text",
  PHOTO: "Photo",
};

/**
 * Stable across versions: the editor keeps a step's id when it is edited or moved, so answers
 * and rules can follow "the die temperature step" from one version to the next.
 */
export const STEP_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

const required = z.boolean().default(true);

export const ZCheckInput = z.object({ kind: z.literal("CHECK"), required });
export const ZPassFailInput = z.object({ kind: z.literal("PASS_FAIL"), required });
export const ZTextInput = z.object({ kind: z.literal("TEXT"), required });
export const ZPhotoInput = z.object({ kind: z.literal("PHOTO"), required });
export const ZNumberInput = z.object({
  kind: z.literal("NUMBER"),
  required,
  /** Lower and upper limits; a value outside them is recorded but flagged as out of limit. */
  min: z.number().nullable().default(null),
  max: z.number().nullable().default(null),
  unit: z.string().trim().max(CHECKLIST_LIMITS.unit, "Keep the unit short, e.g. °C, bar or mm.").default(""),
  /** How many decimals a value may have; null for any. */
  decimals: z.int().min(0).max(CHECKLIST_LIMITS.maxDecimals).nullable().default(null),
});

export const ZChecklistInput = z.discriminatedUnion("kind", [
  ZCheckInput,
  ZNumberInput,
  ZPassFailInput,
  ZTextInput,
  ZPhotoInput,
]);

export const ZChecklistStep = z.object({
  id: z.string().regex(STEP_ID_PATTERN, "Step ids are 1–40 lower-case letters, digits, - or _."),
  title: z
    .string()
    .trim()
    .min(1, "Give the step a title, e.g. “Check the guard is closed”.")
    .max(CHECKLIST_LIMITS.stepTitle, `Keep the title to ${CHECKLIST_LIMITS.stepTitle} characters.`),
  instructions: z
    .string()
    .trim()
    .max(CHECKLIST_LIMITS.instructions, `Keep the instructions to ${CHECKLIST_LIMITS.instructions} characters.`)
    .default(""),
  /** An uploaded image (MediaFile) shown with the step. */
  imageId: z.uuid().nullable().default(null),
  input: ZChecklistInput,
});

export const ZChecklistSteps = z.array(ZChecklistStep);

export type TNumberInput = z.infer<typeof ZNumberInput>;
export type TChecklistInput = z.infer<typeof ZChecklistInput>;
export type TChecklistStep = z.infer<typeof ZChecklistStep>;
/** What an editor or API caller hands in: defaults may be left out. */
export type TChecklistStepInput = z.input<typeof ZChecklistStep>;

/** A stored version's steps, parsed; a row that no longer fits fails loudly rather than showing wrong steps. */
export function readStoredSteps(stored: unknown): TChecklistStep[] {
  return ZChecklistSteps.parse(stored);
}
