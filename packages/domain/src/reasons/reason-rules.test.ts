import { describe, expect, it } from "vitest";
import { DEFAULT_REASONS } from "./default-reasons";
import {
  allowedLossCategories,
  changesDerivation,
  describeReasonEffect,
  normalizeReasonCode,
  reasonCodeIssue,
  reasonRuleIssues,
  type TReasonRuleInput,
} from "./reason-rules";

const stop: TReasonRuleInput = {
  code: "TOOL_WEAR",
  appliesTo: "DOWN",
  lossCategory: "EQUIPMENT_FAILURE",
  excludedFromPlannedTime: false,
};
const fieldsOf = (reason: TReasonRuleInput) => reasonRuleIssues(reason).map((issue) => issue.field);

describe("reason codes", () => {
  it("turns what an admin types into an uppercase identifier", () => {
    expect(normalizeReasonCode("  tool wear ")).toBe("TOOL_WEAR");
    expect(normalizeReasonCode("coolant-low")).toBe("COOLANT_LOW");
  });

  it("accepts identifiers and explains what is wrong with anything else", () => {
    expect(reasonCodeIssue("FAIL_MECH")).toBeNull();
    expect(reasonCodeIssue("X")).toMatch(/at least 2/);
    expect(reasonCodeIssue("9LIVES")).toMatch(/starting with a letter/);
    expect(reasonCodeIssue("ÖL_LECK")).toMatch(/capital letters/);
    expect(reasonCodeIssue("A".repeat(41))).toMatch(/40 characters/);
  });
});

describe("reason consistency", () => {
  it("finds every default reason consistent", () => {
    for (const reason of DEFAULT_REASONS) expect(reasonRuleIssues(reason), reason.code).toEqual([]);
  });

  it("lets a stop count against an availability loss or minor stops only", () => {
    expect(fieldsOf(stop)).toEqual([]);
    expect(fieldsOf({ ...stop, appliesTo: "IDLE", lossCategory: "MINOR_STOPS" })).toEqual([]);
    expect(fieldsOf({ ...stop, lossCategory: "REDUCED_SPEED" })).toEqual(["lossCategory"]);
    const quality = reasonRuleIssues({ ...stop, lossCategory: "PROCESS_DEFECTS" });
    expect(quality[0]?.message).toMatch(/scrapped parts/);
    expect(fieldsOf({ ...stop, lossCategory: null })).toEqual(["lossCategory"]);
  });

  it("maps scrap to process defects or start-up rejects, never to time off", () => {
    const scrap = { ...stop, appliesTo: "SCRAP" as const, lossCategory: "STARTUP_REJECTS" as const };
    expect(fieldsOf(scrap)).toEqual([]);
    expect(fieldsOf({ ...scrap, lossCategory: "EQUIPMENT_FAILURE" })).toEqual(["lossCategory"]);
    expect(fieldsOf({ ...scrap, lossCategory: null })).toEqual(["lossCategory"]);
    expect(fieldsOf({ ...scrap, excludedFromPlannedTime: true })).toEqual(["excludedFromPlannedTime"]);
  });

  it("gives planned time off no loss category", () => {
    const timeOff = { ...stop, appliesTo: "IDLE" as const, lossCategory: null, excludedFromPlannedTime: true };
    expect(fieldsOf(timeOff)).toEqual([]);
    expect(reasonRuleIssues({ ...timeOff, lossCategory: "MINOR_STOPS" })[0]?.message).toMatch(/not a loss/);
  });

  it("keeps the reasons the shift calendar books as planned time off", () => {
    const brk = {
      code: "BREAK",
      appliesTo: "PLANNED_STOP",
      lossCategory: null,
      excludedFromPlannedTime: true,
    } as const;
    expect(fieldsOf(brk)).toEqual([]);
    expect(fieldsOf({ ...brk, excludedFromPlannedTime: false, lossCategory: "SETUP_ADJUSTMENT" })).toEqual([
      "excludedFromPlannedTime",
    ]);
    expect(fieldsOf({ ...brk, appliesTo: "IDLE" })).toEqual(["appliesTo"]);
  });

  it("offers the losses that fit what a reason explains", () => {
    expect(allowedLossCategories("SCRAP")).toEqual(["PROCESS_DEFECTS", "STARTUP_REJECTS"]);
    expect(allowedLossCategories("PLANNED_STOP")).toEqual(["EQUIPMENT_FAILURE", "SETUP_ADJUSTMENT", "MINOR_STOPS"]);
  });
});

describe("what a change means", () => {
  it("re-derives only when the counting changes, not for a new label", () => {
    expect(changesDerivation(stop, { ...stop })).toBe(false);
    expect(changesDerivation(stop, { ...stop, lossCategory: "SETUP_ADJUSTMENT" })).toBe(true);
    expect(changesDerivation(stop, { ...stop, appliesTo: "IDLE" })).toBe(true);
    expect(changesDerivation(stop, { ...stop, excludedFromPlannedTime: true })).toBe(true);
  });

  it("describes the effect in words", () => {
    expect(describeReasonEffect(stop)).toBe("Equipment failure (availability)");
    expect(describeReasonEffect({ ...stop, lossCategory: null, excludedFromPlannedTime: true })).toMatch(
      /^Planned time off/,
    );
  });
});
