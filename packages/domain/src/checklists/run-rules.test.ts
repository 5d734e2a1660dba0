import { describe, expect, it } from "vitest";
import { readStoredSteps } from "./checklist-steps";
import { completionIssues, runProgress, type TRecordedAnswer } from "./run-rules";

const steps = readStoredSteps([
  { id: "temp", title: "Die temperature", input: { kind: "NUMBER", min: 180, max: 220, unit: "°C" } },
  { id: "guard", title: "Guard closed", input: { kind: "CHECK" } },
  { id: "first-part", title: "First part", input: { kind: "PASS_FAIL" } },
  { id: "remark", title: "Remarks", input: { kind: "TEXT", required: false } },
]);

const answer = (stepId: string, value: TRecordedAnswer["value"], flags: Partial<TRecordedAnswer> = {}) => ({
  stepId,
  value,
  outOfLimit: false,
  failed: false,
  ...flags,
});

describe("run progress", () => {
  it("counts answered, required and flagged steps", () => {
    const progress = runProgress(steps, [
      answer("temp", { number: 232 }, { outOfLimit: true }),
      answer("guard", { checked: false }),
      answer("remark", { text: "ok" }),
    ]);
    expect(progress).toMatchObject({ steps: 4, answered: 3, required: 3, requiredDone: 1, flagged: 1 });
    expect(progress.missing.map((step) => step.id)).toEqual(["guard", "first-part"]);
  });

  it("ignores answers to steps the version does not have", () => {
    expect(runProgress(steps, [answer("gone", { checked: true })])).toMatchObject({ answered: 0, requiredDone: 0 });
  });
});

describe("completion", () => {
  const all = [
    answer("temp", { number: 200 }),
    answer("guard", { checked: true }),
    answer("first-part", { pass: false }, { failed: true }),
  ];

  it("completes with every required step answered, a failed one included, and the sign-off", () => {
    expect(completionIssues({ steps, answers: all, requireSignOff: true, signOff: true })).toEqual([]);
  });

  it("names the required steps still open", () => {
    expect(completionIssues({ steps, answers: all.slice(0, 1), requireSignOff: false, signOff: false })).toEqual([
      "Answer the required steps “Guard closed”, “First part” first.",
    ]);
    expect(completionIssues({ steps, answers: all.slice(0, 2), requireSignOff: false, signOff: false })).toEqual([
      "Answer the required step “First part” first.",
    ]);
  });

  it("needs the sign-off only when the version asks for it", () => {
    expect(completionIssues({ steps, answers: all, requireSignOff: true, signOff: false })).toEqual([
      "This checklist must be signed off: confirm that you checked every step.",
    ]);
    expect(completionIssues({ steps, answers: all, requireSignOff: false, signOff: false })).toEqual([]);
  });
});
