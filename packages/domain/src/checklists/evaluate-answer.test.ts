import { describe, expect, it } from "vitest";
import { ZChecklistStep } from "./checklist-steps";
import { evaluateAnswer, limitText, problemLabel, ZAnswerValue } from "./evaluate-answer";

const step = (input: Record<string, unknown>) => ZChecklistStep.parse({ id: "s", title: "Step", input });
const gap = step({ kind: "NUMBER", min: 80, max: 84, unit: "mm", decimals: 1 });

describe("evaluateAnswer", () => {
  it("flags a measured value outside the limits and says so with the limits", () => {
    expect(evaluateAnswer(gap, { number: 84.2 })).toEqual({
      valid: true,
      outOfLimit: true,
      failed: false,
      complete: true,
      valueText: "84.2 mm (limit 80–84 mm)",
      value: { number: 84.2 },
    });
    expect(evaluateAnswer(gap, { number: 79.9 })).toMatchObject({ outOfLimit: true });
  });

  it("counts the limits themselves as inside", () => {
    expect(evaluateAnswer(gap, { number: 80 })).toMatchObject({
      outOfLimit: false,
      valueText: "80.0 mm (limit 80–84 mm)",
    });
    expect(evaluateAnswer(gap, { number: 84 })).toMatchObject({ outOfLimit: false });
  });

  it("refuses more decimals than the step allows, and a non-number", () => {
    expect(evaluateAnswer(gap, { number: 82.25 })).toEqual({
      valid: false,
      error: "Enter at most 1 decimal for this step.",
    });
    const whole = step({ kind: "NUMBER", decimals: 0 });
    expect(evaluateAnswer(whole, { number: 2.5 })).toEqual({
      valid: false,
      error: "Enter a whole number for this step.",
    });
    expect(evaluateAnswer(gap, { number: Number.NaN })).toMatchObject({ valid: false });
    expect(evaluateAnswer(gap, { text: "82" })).toEqual({
      valid: false,
      error: "This step takes a measured number, e.g. 82.5.",
    });
  });

  it("describes one-sided limits and no limits", () => {
    const pressure = step({ kind: "NUMBER", max: 6, unit: "bar" });
    expect(evaluateAnswer(pressure, { number: 6.4 })).toMatchObject({
      outOfLimit: true,
      valueText: "6.4 bar (max 6 bar)",
    });
    const temperature = step({ kind: "NUMBER", min: 180, unit: "°C" });
    expect(evaluateAnswer(temperature, { number: 200 })).toMatchObject({
      outOfLimit: false,
      valueText: "200 °C (min 180 °C)",
    });
    expect(evaluateAnswer(step({ kind: "NUMBER" }), { number: 12 })).toMatchObject({ valueText: "12" });
  });

  it("fails a pass/fail step answered fail", () => {
    const firstPart = step({ kind: "PASS_FAIL" });
    expect(evaluateAnswer(firstPart, { pass: false })).toMatchObject({
      failed: true,
      outOfLimit: false,
      valueText: "Fail",
    });
    expect(evaluateAnswer(firstPart, { pass: true })).toMatchObject({ failed: false, valueText: "Pass" });
    expect(evaluateAnswer(firstPart, { checked: true })).toMatchObject({ valid: false });
  });

  it("counts an unticked box as an answer that is not done", () => {
    const guard = step({ kind: "CHECK" });
    expect(evaluateAnswer(guard, { checked: false })).toMatchObject({
      valid: true,
      complete: false,
      valueText: "Not done",
    });
    expect(evaluateAnswer(guard, { checked: true })).toMatchObject({ complete: true, valueText: "Done" });
  });

  it("trims text and refuses a blank one", () => {
    const remark = step({ kind: "TEXT" });
    expect(evaluateAnswer(remark, { text: "  Burr on the left edge " })).toMatchObject({
      valueText: "Burr on the left edge",
      value: { text: "Burr on the left edge" },
    });
    expect(evaluateAnswer(remark, { text: "   " })).toEqual({
      valid: false,
      error: "Write the answer, or leave the step for later.",
    });
    expect(evaluateAnswer(remark, { text: "x".repeat(2_001) })).toMatchObject({ valid: false });
  });

  it("takes a photo by its media id", () => {
    const photo = step({ kind: "PHOTO" });
    const mediaId = "3f1c2a4e-8b5d-4c6f-9a7e-1d2b3c4d5e6f";
    expect(evaluateAnswer(photo, { mediaId })).toMatchObject({ valid: true, valueText: "Photo" });
    expect(evaluateAnswer(photo, { checked: true })).toEqual({ valid: false, error: "This step takes a photo." });
  });
});

describe("answer values", () => {
  it("refuses a value mixing two kinds", () => {
    expect(ZAnswerValue.safeParse({ number: 5, pass: true }).success).toBe(false);
    expect(ZAnswerValue.safeParse({ number: 5 }).success).toBe(true);
  });
});

describe("labels", () => {
  it("writes limits for people", () => {
    expect(limitText({ min: 180, max: 220, unit: "°C" })).toBe("limit 180–220 °C");
    expect(limitText({ min: null, max: null, unit: "" })).toBeNull();
  });

  it("names a flagged answer", () => {
    expect(problemLabel({ outOfLimit: true, failed: false })).toBe("out of limit");
    expect(problemLabel({ outOfLimit: false, failed: true })).toBe("failed");
    expect(problemLabel({ outOfLimit: false, failed: false })).toBeNull();
  });
});
