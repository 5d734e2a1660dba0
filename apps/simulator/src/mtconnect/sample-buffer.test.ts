import { describe, expect, it } from "vitest";
import { SampleBuffer } from "./sample-buffer";

describe("SampleBuffer", () => {
  it("numbers observations, drops repeats and overwrites the oldest once full", () => {
    const buffer = new SampleBuffer(3);
    expect([buffer.firstSequence, buffer.lastSequence, buffer.nextSequence]).toEqual([1, 0, 1]);
    buffer.add("exec", { value: "ACTIVE" }, 0);
    expect(buffer.add("exec", { value: "ACTIVE" }, 1)).toBeUndefined();
    buffer.add("pcount", { value: "1" }, 2);
    buffer.add("pcount", { value: "2" }, 3);
    buffer.add("pcount", { value: "3" }, 4);
    expect([buffer.firstSequence, buffer.lastSequence, buffer.nextSequence]).toEqual([2, 4, 5]);
    expect(buffer.range(2, 10).map((record) => record.sequence)).toEqual([2, 3, 4]);
    expect(buffer.range(3, 1).map((record) => record.value)).toEqual(["2"]);
    expect(buffer.range(5, 10)).toEqual([]);
  });

  it("answers current at a sequence with values from before the oldest held one", () => {
    const buffer = new SampleBuffer(2);
    buffer.add("exec", { value: "ACTIVE" }, 0);
    buffer.add("pcount", { value: "1" }, 1);
    buffer.add("pcount", { value: "2" }, 2);
    buffer.add("system", { value: "FAULT", nativeCode: "JAM", message: "Part jam" }, 3);
    // Held: 3 (pcount 2) and 4 (system FAULT); exec ACTIVE (1) and pcount 1 (2) were overwritten.
    const at3 = Object.fromEntries(buffer.current(3).map((record) => [record.dataItemId, record.value]));
    expect(at3).toEqual({ exec: "ACTIVE", pcount: "2" });
    const now = buffer.current().find((record) => record.dataItemId === "system");
    expect(now).toMatchObject({ value: "FAULT", nativeCode: "JAM", sequence: 4 });
    expect(buffer.add("system", { value: "FAULT", nativeCode: "TOOL_BREAK" }, 4)?.sequence).toBe(5);
  });
});
