import { describe, expect, it } from "vitest";
import { findDraftProblems, problemsByField, readStoredOptions, type TDecisionDraft } from "./decision-draft";

const now = Date.parse("2026-11-24T12:00:00Z");
const draft: TDecisionDraft = {
  title: "Run order 4711 on PRS-202",
  rationale: "PRS-201 waits for a hydraulic pump until tomorrow.",
  expectedOutcome: "4711 ships on Friday.",
  options: [
    { label: "Move to PRS-202", chosen: true },
    { label: "Wait for the pump", chosen: false, note: "Misses the due date" },
  ],
  constraints: [{ kind: "DUE_DATE", detail: "Customer ships Friday" }],
  reviewAt: "2026-11-27T08:00:00Z",
};

describe("decision draft rules", () => {
  it("accepts a complete draft", () => {
    expect(findDraftProblems(draft, now)).toEqual([]);
  });

  it("needs exactly one chosen option", () => {
    const none = findDraftProblems({ ...draft, options: draft.options.map((o) => ({ ...o, chosen: false })) }, now);
    expect(none).toEqual([{ field: "options", message: "Mark the option that was chosen." }]);
    const two = findDraftProblems({ ...draft, options: draft.options.map((o) => ({ ...o, chosen: true })) }, now);
    expect(two).toEqual([{ field: "options", message: "Mark only one option as chosen." }]);
    expect(findDraftProblems({ ...draft, options: [] }, now)[0]?.field).toBe("options");
  });

  it("refuses options with the same name and blank text", () => {
    const twins = [
      { label: "Wait", chosen: true },
      { label: " wait ", chosen: false },
    ];
    expect(findDraftProblems({ ...draft, options: twins }, now)).toEqual([
      { field: "options", message: "Two options have the same name; merge or rename them." },
    ]);
    const blank = findDraftProblems({ ...draft, title: " ", rationale: "", expectedOutcome: "" }, now);
    expect(blank.map((problem) => problem.field)).toEqual(["title", "rationale", "expectedOutcome"]);
  });

  it("refuses a duplicated constraint", () => {
    const constraints = [
      { kind: "MATERIAL" as const, detail: "Coil for 2 h" },
      { kind: "MATERIAL" as const, detail: "coil for 2 h" },
    ];
    expect(problemsByField(findDraftProblems({ ...draft, constraints }, now))).toEqual({
      constraints: ["The same constraint is listed twice."],
    });
  });

  it("takes a review date from now on (with clock slack) and within a year", () => {
    expect(findDraftProblems({ ...draft, reviewAt: new Date(now - 60_000).toISOString() }, now)).toEqual([]);
    expect(findDraftProblems({ ...draft, reviewAt: new Date(now - 3_600_000).toISOString() }, now)[0]?.field).toBe(
      "reviewAt",
    );
    expect(findDraftProblems({ ...draft, reviewAt: "2028-01-01T00:00:00Z" }, now)[0]?.message).toMatch(/within a year/);
    expect(findDraftProblems({ ...draft, reviewAt: null }, now)).toEqual([]);
  });

  it("reads stored options back, skipping what it cannot read", () => {
    expect(
      readStoredOptions([{ label: "A", chosen: true, note: null }, { label: "B", chosen: false, note: "n" }, { x: 1 }]),
    ).toEqual([
      { label: "A", chosen: true },
      { label: "B", chosen: false, note: "n" },
    ]);
    expect(readStoredOptions({})).toEqual([]);
  });
});
