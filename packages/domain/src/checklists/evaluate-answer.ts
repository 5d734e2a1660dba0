import { z } from "zod";
import { CHECKLIST_LIMITS, type TChecklistStep, type TInputKind, type TNumberInput } from "./checklist-steps";
import { decimalsOf } from "./template-rules";

/**
 * An answer to one step, as stored in `ChecklistStepResult.value`: one shape per input kind.
 * Strict objects, so `{ number: 5, pass: true }` is refused instead of guessed at.
 */
export const ZAnswerValue = z.union([
  z.strictObject({ checked: z.boolean() }),
  z.strictObject({ number: z.number() }),
  z.strictObject({ pass: z.boolean() }),
  z.strictObject({ text: z.string().max(CHECKLIST_LIMITS.textAnswer * 2) }),
  z.strictObject({ mediaId: z.uuid() }),
]);
export type TAnswerValue = z.infer<typeof ZAnswerValue>;

export type TAnswerEvaluation =
  | {
      valid: true;
      /** A measured value outside the step's limits: recorded, and flagged. */
      outOfLimit: boolean;
      /** A pass/fail step answered "fail". */
      failed: boolean;
      /** Whether the answer counts as done for a required step (an unticked box does not). */
      complete: boolean;
      /** The answer for people: "84.2 mm (limit 80–84 mm)", "Fail", "Done". */
      valueText: string;
      /** The value as it is stored (text trimmed). */
      value: TAnswerValue;
    }
  | { valid: false; error: string };

const EXPECTED: Readonly<Record<TInputKind, string>> = {
  CHECK: "This step is ticked or not: send { checked: true } or { checked: false }.",
  NUMBER: "This step takes a measured number, e.g. 82.5.",
  PASS_FAIL: "This step is answered pass or fail.",
  TEXT: "This step takes a written answer.",
  PHOTO: "This step takes a photo.",
};

/** Judges an answer against its step: is it an answer at all, is it within limits, did it fail. */
export function evaluateAnswer(step: TChecklistStep, value: TAnswerValue): TAnswerEvaluation {
  const input = step.input;
  const invalid = (error: string): TAnswerEvaluation => ({ valid: false, error });
  const ok = (fields: Omit<Extract<TAnswerEvaluation, { valid: true }>, "valid">): TAnswerEvaluation => ({
    valid: true,
    ...fields,
  });
  switch (input.kind) {
    case "CHECK":
      if (!("checked" in value)) return invalid(EXPECTED.CHECK);
      return ok({
        outOfLimit: false,
        failed: false,
        complete: value.checked,
        valueText: value.checked ? "Done" : "Not done",
        value,
      });
    case "PASS_FAIL":
      if (!("pass" in value)) return invalid(EXPECTED.PASS_FAIL);
      return ok({
        outOfLimit: false,
        failed: !value.pass,
        complete: true,
        valueText: value.pass ? "Pass" : "Fail",
        value,
      });
    case "TEXT": {
      if (!("text" in value)) return invalid(EXPECTED.TEXT);
      const text = value.text.trim();
      if (text.length === 0) return invalid("Write the answer, or leave the step for later.");
      if (text.length > CHECKLIST_LIMITS.textAnswer) {
        return invalid(`Keep the answer to ${CHECKLIST_LIMITS.textAnswer} characters.`);
      }
      return ok({ outOfLimit: false, failed: false, complete: true, valueText: text, value: { text } });
    }
    case "PHOTO":
      if (!("mediaId" in value)) return invalid(EXPECTED.PHOTO);
      return ok({ outOfLimit: false, failed: false, complete: true, valueText: "Photo", value });
    case "NUMBER": {
      if (!("number" in value)) return invalid(EXPECTED.NUMBER);
      const number = value.number;
      if (!Number.isFinite(number)) return invalid(EXPECTED.NUMBER);
      if (input.decimals !== null && decimalsOf(number) > input.decimals) {
        return invalid(
          input.decimals === 0
            ? "Enter a whole number for this step."
            : `Enter at most ${input.decimals} decimal${input.decimals === 1 ? "" : "s"} for this step.`,
        );
      }
      const outOfLimit = (input.min !== null && number < input.min) || (input.max !== null && number > input.max);
      return ok({ outOfLimit, failed: false, complete: true, valueText: numberAnswerText(input, number), value });
    }
  }
}

/** "84.2 mm (limit 80–84 mm)"; just "84.2 mm" when the step has no limits. */
export function numberAnswerText(input: TNumberInput, number: number): string {
  const measured = withUnit(formatMeasured(number, input.decimals), input.unit);
  const limits = limitText(input);
  return limits ? `${measured} (${limits})` : measured;
}

/** "limit 80–84 mm", "min 180 °C", "max 6 bar", or null without limits. */
export function limitText(input: Pick<TNumberInput, "min" | "max" | "unit">): string | null {
  const { min, max, unit } = input;
  if (min !== null && max !== null) return `limit ${withUnit(`${min}–${max}`, unit)}`;
  if (min !== null) return `min ${withUnit(String(min), unit)}`;
  if (max !== null) return `max ${withUnit(String(max), unit)}`;
  return null;
}

function formatMeasured(number: number, decimals: number | null): string {
  return decimals === null ? String(number) : number.toFixed(decimals);
}

function withUnit(text: string, unit: string): string {
  return unit ? `${text} ${unit}` : text;
}

/** What a flagged answer is called in lists: "out of limit", "failed". */
export function problemLabel(result: { outOfLimit: boolean; failed: boolean }): string | null {
  if (result.failed) return "failed";
  if (result.outOfLimit) return "out of limit";
  return null;
}
