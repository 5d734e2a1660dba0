import { describe, expect, it } from "vitest";
import { DEFAULT_REASON_TREE } from "./default-reason-tree";
import { DEFAULT_REASONS } from "./default-reasons";

describe("the default reason tree", () => {
  it("files every default reason under exactly one category", () => {
    const filed = DEFAULT_REASON_TREE.flatMap((category) => category.reasons.map((reason) => reason.code));
    expect(filed.sort()).toEqual(DEFAULT_REASONS.map((reason) => reason.code).sort());
    expect(DEFAULT_REASON_TREE.every((category) => category.reasons.length > 0)).toBe(true);
  });

  it("keeps planned time off apart from the losses", () => {
    const planned = DEFAULT_REASON_TREE.find((category) => category.name === "Planned time off");
    expect(planned?.reasons.every((reason) => reason.lossCategory === null)).toBe(true);
  });
});
