import { describe, expect, it } from "vitest";
import { readStoredSteps, type TChecklistStepInput } from "./checklist-steps";
import { decimalsOf, newStepId, sameContent, ZChecklistContent, ZChecklistDetails } from "./template-rules";

const dieTemperature: TChecklistStepInput = {
  id: "die-temp",
  title: "Die temperature",
  instructions: "Read the pyrometer on the upper die.",
  input: { kind: "NUMBER", min: 180, max: 220, unit: "°C", decimals: 0 },
};
const guard: TChecklistStepInput = { id: "guard", title: "Guard closed and interlocked", input: { kind: "CHECK" } };

function issuesOf(content: unknown) {
  const parsed = ZChecklistContent.safeParse(content);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

describe("checklist content", () => {
  it("accepts steps and fills in the defaults", () => {
    const parsed = ZChecklistContent.parse({ steps: [dieTemperature, guard] });
    expect(parsed.requireSignOff).toBe(true);
    expect(parsed.steps[1]).toEqual({
      id: "guard",
      title: "Guard closed and interlocked",
      instructions: "",
      imageId: null,
      input: { kind: "CHECK", required: true },
    });
    expect(parsed.steps[0]?.input).toMatchObject({ min: 180, max: 220, unit: "°C", decimals: 0, required: true });
  });

  it("needs at least one step", () => {
    expect(issuesOf({ steps: [] })).toEqual([{ path: ["steps"], message: "Add at least one step." }]);
  });

  it("reports a repeated step id on the second step", () => {
    expect(issuesOf({ steps: [guard, { ...guard, title: "Again" }] })).toEqual([
      { path: ["steps", 1, "id"], message: "Steps 1 and 2 have the same id “guard”; each step needs its own." },
    ]);
  });

  it("reports limits the wrong way round on the upper limit", () => {
    const swapped = { ...dieTemperature, input: { kind: "NUMBER", min: 220, max: 180 } };
    expect(issuesOf({ steps: [guard, swapped] })).toEqual([
      { path: ["steps", 1, "input", "max"], message: "The upper limit (180) is below the lower limit (220)." },
    ]);
  });

  it("accepts equal limits and one-sided limits", () => {
    expect(issuesOf({ steps: [{ ...dieTemperature, input: { kind: "NUMBER", min: 5, max: 5 } }] })).toEqual([]);
    expect(issuesOf({ steps: [{ ...dieTemperature, input: { kind: "NUMBER", max: 6 } }] })).toEqual([]);
  });

  it("refuses a limit more precise than the values may be", () => {
    const precise = { ...dieTemperature, input: { kind: "NUMBER", min: 79.95, max: 84, decimals: 1 } };
    expect(issuesOf({ steps: [precise] })).toEqual([
      {
        path: ["steps", 0, "input", "min"],
        message: "The lower limit 79.95 has more decimals than the 1 a value may have.",
      },
    ]);
  });

  it("names the field of a blank title and a bad id", () => {
    const issues = issuesOf({ steps: [{ ...guard, id: "Guard 1", title: "  " }] });
    expect(issues.map((issue) => issue.path)).toEqual([
      ["steps", 0, "id"],
      ["steps", 0, "title"],
    ]);
    expect(issues[1]?.message).toMatch(/Give the step a title/);
  });

  it("reads a stored version and refuses one that no longer fits", () => {
    expect(readStoredSteps([guard])[0]?.input).toEqual({ kind: "CHECK", required: true });
    expect(() => readStoredSteps([{ id: "x", title: "X", input: { kind: "SLIDER" } }])).toThrow();
  });
});

describe("template details", () => {
  it("trims and needs a real name", () => {
    expect(ZChecklistDetails.parse({ name: "  Press start-up check " })).toEqual({
      name: "Press start-up check",
      description: "",
      lineId: null,
    });
    expect(ZChecklistDetails.safeParse({ name: "ab" }).success).toBe(false);
  });
});

describe("helpers", () => {
  it("counts decimals in a number's shortest form", () => {
    expect([84, 84.2, 84.25, 0.1 + 0.2, 1e-7, -3.5].map(decimalsOf)).toEqual([0, 1, 2, 17, 7, 1]);
  });

  it("gives a new step a random id that is not taken", () => {
    const draws = ["A1B2C3D4E5", "a1b2c3d4", "ff00ff00"];
    const random = () => draws.shift() ?? "";
    expect(newStepId(["step-a1b2c3d4"], random)).toBe("step-ff00ff00");
    expect(newStepId([], () => "0f3c9a7e-1111")).toBe("step-0f3c9a7e");
  });

  it("sees through defaults and key order when comparing versions", () => {
    const a = { steps: [guard] };
    const b = {
      requireSignOff: true,
      steps: [{ input: { required: true, kind: "CHECK" as const }, title: guard.title, id: "guard", imageId: null }],
    };
    expect(sameContent(a, b)).toBe(true);
    expect(sameContent(a, { ...a, requireSignOff: false })).toBe(false);
    expect(sameContent(a, { steps: [guard, dieTemperature] })).toBe(false);
  });
});
