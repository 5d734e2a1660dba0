import type { TChecklistStep } from "./checklist-steps";
import { evaluateAnswer, type TAnswerValue } from "./evaluate-answer";

/**
 * When a run may be completed: every required step has an answer that counts as done (a ticked
 * box, a number, pass or fail — a failed step is recorded, it does not block), and the person
 * completing it signs off when the version asks for it.
 */

export type TRecordedAnswer = { stepId: string; value: TAnswerValue; outOfLimit: boolean; failed: boolean };

export type TRunProgress = {
  steps: number;
  answered: number;
  required: number;
  requiredDone: number;
  /** Steps answered out of limit or failed. */
  flagged: number;
  /** Required steps still waiting for an answer, in checklist order. */
  missing: TChecklistStep[];
};

export function runProgress(steps: readonly TChecklistStep[], answers: readonly TRecordedAnswer[]): TRunProgress {
  const byStep = new Map(answers.map((answer) => [answer.stepId, answer]));
  let answered = 0;
  let required = 0;
  let requiredDone = 0;
  let flagged = 0;
  const missing: TChecklistStep[] = [];
  for (const step of steps) {
    const answer = byStep.get(step.id);
    const done = answer ? isDone(step, answer.value) : false;
    if (answer) answered += 1;
    if (answer && (answer.outOfLimit || answer.failed)) flagged += 1;
    if (!step.input.required) continue;
    required += 1;
    if (done) requiredDone += 1;
    else missing.push(step);
  }
  return { steps: steps.length, answered, required, requiredDone, flagged, missing };
}

function isDone(step: TChecklistStep, value: TAnswerValue): boolean {
  const evaluation = evaluateAnswer(step, value);
  return evaluation.valid && evaluation.complete;
}

/** Why the run cannot be completed yet, as sentences; empty when it can. */
export function completionIssues(input: {
  steps: readonly TChecklistStep[];
  answers: readonly TRecordedAnswer[];
  requireSignOff: boolean;
  signOff: boolean;
}): string[] {
  const issues: string[] = [];
  const { missing } = runProgress(input.steps, input.answers);
  if (missing.length > 0) {
    const names = missing.slice(0, 5).map((step) => `“${step.title}”`);
    const more = missing.length > 5 ? ` and ${missing.length - 5} more` : "";
    issues.push(
      missing.length === 1
        ? `Answer the required step ${names[0]} first.`
        : `Answer the required steps ${names.join(", ")}${more} first.`,
    );
  }
  if (input.requireSignOff && !input.signOff) {
    issues.push("This checklist must be signed off: confirm that you checked every step.");
  }
  return issues;
}
