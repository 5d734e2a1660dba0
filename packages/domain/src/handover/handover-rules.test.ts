import { describe, expect, it } from "vitest";
import {
  checkAcknowledge,
  checkNotesEditable,
  checkSign,
  decodeHandoverCursor,
  encodeHandoverCursor,
} from "./handover-rules";

const LEAD = "00000000-0000-4000-8000-00000000000a";
const NEXT = "00000000-0000-4000-8000-00000000000b";

describe("handover rules", () => {
  it("lets the notes change only while the handover is a draft", () => {
    expect(checkNotesEditable("DRAFT")).toEqual({ kind: "ok" });
    expect(checkNotesEditable("SIGNED")).toMatchObject({ kind: "refuse", message: expect.stringMatching(/signed/) });
    expect(checkNotesEditable("ACKNOWLEDGED").kind).toBe("refuse");
  });

  it("signs a draft once", () => {
    expect(checkSign("DRAFT").kind).toBe("ok");
    expect(checkSign("SIGNED").kind).toBe("refuse");
  });

  it("is acknowledged by someone other than the signer, after signing", () => {
    const signed = { status: "SIGNED" as const, signedById: LEAD, acknowledgedById: null };
    expect(checkAcknowledge(signed, NEXT)).toEqual({ kind: "ok" });
    expect(checkAcknowledge(signed, LEAD)).toMatchObject({
      kind: "refuse",
      code: "FORBIDDEN",
      message: expect.stringMatching(/You signed this handover/),
    });
    expect(checkAcknowledge({ ...signed, status: "DRAFT", signedById: null }, NEXT)).toMatchObject({
      kind: "refuse",
      message: expect.stringMatching(/not signed yet/),
    });
  });

  it("treats the same acknowledgement sent twice as one, and refuses a second person", () => {
    const done = { status: "ACKNOWLEDGED" as const, signedById: LEAD, acknowledgedById: NEXT };
    expect(checkAcknowledge(done, NEXT)).toEqual({ kind: "noop" });
    expect(checkAcknowledge(done, "00000000-0000-4000-8000-00000000000c").kind).toBe("refuse");
  });

  it("pages by shift start and id", () => {
    const position = { shiftStart: new Date("2026-11-16T05:00:00Z"), id: "5e1f0c3a-2b7d-4c1e-9a0b-000000000001" };
    expect(decodeHandoverCursor(encodeHandoverCursor(position))).toEqual(position);
    expect(decodeHandoverCursor("17")).toEqual({ shiftStart: new Date(17), id: null });
    expect(decodeHandoverCursor("not a cursor")).toBeNull();
  });
});
