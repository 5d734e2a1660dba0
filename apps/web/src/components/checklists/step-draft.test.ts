import { readStoredSteps } from "@gemba/domain/checklists/checklist-steps";
import { describe, expect, it } from "vitest";
import { draftFromStep, draftIssues, draftToSteps, moveStep, newStepDraft, parseDecimal } from "./step-draft";

const [temperature, guard] = readStoredSteps([
  { id: "die-temp", title: "Die temperature", input: { kind: "NUMBER", min: 180, max: 220, unit: "°C", decimals: 0 } },
  { id: "guard", title: "Guard closed", input: { kind: "CHECK", required: false } },
]);
if (!temperature || !guard) throw new Error("fixture steps missing");

describe("step drafts", () => {
  it("round-trips a stored step through the editor", () => {
    const draft = draftFromStep(temperature);
    expect(draft).toMatchObject({ min: "180", max: "220", unit: "°C", decimals: "0", kind: "NUMBER" });
    expect(draftToSteps([draft, draftFromStep(guard)])).toEqual({
      steps: [
        { id: "die-temp", title: "Die temperature", instructions: "", imageId: null, input: temperature.input },
        {
          id: "guard",
          title: "Guard closed",
          instructions: "",
          imageId: null,
          input: { kind: "CHECK", required: false },
        },
      ],
      issues: {},
    });
  });

  it("reads decimal commas and empty limits", () => {
    expect(parseDecimal("82,5")).toBe(82.5);
    expect(parseDecimal(" ")).toBeNull();
    expect(parseDecimal("8O")).toBe("invalid");
    expect(parseDecimal("-3")).toBe(-3);
  });

  it("reports problems on the field the API would name", () => {
    const draft = { ...draftFromStep(temperature), min: "230", max: "2x0" };
    expect(draftIssues([draft], true)).toEqual({ "steps.0.input.max": "Enter a number, e.g. 180 or 82.5." });
    const swapped = { ...draftFromStep(temperature), min: "230" };
    expect(draftIssues([swapped, { ...draftFromStep(guard), title: " " }], true)).toMatchObject({
      "steps.1.title": expect.stringMatching(/Give the step a title/),
    });
    expect(draftIssues([swapped], true)).toEqual({
      "steps.0.input.max": "The upper limit (220) is below the lower limit (230).",
    });
    expect(draftIssues([], true)).toEqual({ steps: "Add at least one step." });
  });

  it("gives a new step a free id and moves steps with their ids", () => {
    const drafts = [draftFromStep(temperature), draftFromStep(guard)];
    expect(newStepDraft(drafts).id).toMatch(/^step-[0-9a-f]{8}$/);
    expect(moveStep(drafts, 1, -1).map((step) => step.id)).toEqual(["guard", "die-temp"]);
    expect(moveStep(drafts, 0, -1).map((step) => step.id)).toEqual(["die-temp", "guard"]);
  });
});
