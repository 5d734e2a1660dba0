import { describe, expect, it } from "vitest";
import { draftErrors, newDraft, suggestCode, withAppliesTo, withExcluded, withLabel } from "./reason-draft";

describe("the reason form", () => {
  it("suggests a code from the label until the admin edits it", () => {
    expect(suggestCode("Coolant low (line 2)")).toBe("COOLANT_LOW_LINE_2");
    expect(suggestCode("Ölstand zu niedrig")).toBe("OLSTAND_ZU_NIEDRIG");
    expect(suggestCode("2nd shift handover")).toBe("ND_SHIFT_HANDOVER");
    const draft = withLabel(newDraft("c"), "Tool wear");
    expect(draft.code).toBe("TOOL_WEAR");
    expect(withLabel({ ...draft, code: "TW", codeEdited: true }, "Tool wear, insert").code).toBe("TW");
  });

  it("keeps the loss consistent with what the reason explains", () => {
    const scrap = withAppliesTo(newDraft("c"), "SCRAP");
    expect(scrap).toMatchObject({ lossCategory: "PROCESS_DEFECTS", excludedFromPlannedTime: false });
    expect(withAppliesTo(scrap, "IDLE").lossCategory).toBe("MINOR_STOPS");
    const timeOff = withExcluded(newDraft("c"), true);
    expect(timeOff.lossCategory).toBeNull();
    expect(withAppliesTo(timeOff, "PLANNED_STOP").lossCategory).toBeNull();
    expect(withExcluded({ ...timeOff, appliesTo: "PLANNED_STOP" }, false).lossCategory).toBe("SETUP_ADJUSTMENT");
  });

  it("explains what must change before saving", () => {
    const draft = withLabel(newDraft(""), "");
    expect(draftErrors(draft, "create")).toMatchObject({
      label: [expect.stringMatching(/label/)],
      categoryId: ["Choose a category."],
      code: [expect.stringMatching(/at least 2/)],
    });
    const ok = withLabel(newDraft("c"), "Tool wear");
    expect(draftErrors(ok, "create")).toEqual({});
    expect(draftErrors({ ...ok, lossCategory: "REDUCED_SPEED" }, "create").lossCategory?.[0]).toMatch(/Reduced speed/);
  });
});
