import { describe, expect, it } from "vitest";
import { describeMicroStop, describeTimeout, formatDuration, readThresholds } from "./threshold-values";

const limits = {
  microStopThresholdSeconds: { min: 0, max: 1800 },
  unknownTimeoutSeconds: { min: 30, max: 43_200 },
};

describe("work center thresholds in the form", () => {
  it("reads whole seconds within the limits", () => {
    expect(readThresholds({ micro: " 90 ", unknown: "1200" }, limits)).toEqual({
      values: { microStopThresholdSeconds: 90, unknownTimeoutSeconds: 1200 },
      errors: {},
    });
  });

  it("explains each value it cannot take", () => {
    const { values, errors } = readThresholds({ micro: "2400", unknown: "10" }, limits);
    expect(values).toBeNull();
    expect(errors.micro).toMatch(/^At most 30 min \(1800 s\)/);
    expect(errors.unknown).toMatch(/^At least 30 s/);
    expect(readThresholds({ micro: "1.5", unknown: "" }, limits).errors).toEqual({
      micro: "Enter whole seconds, e.g. 120.",
      unknown: "Enter whole seconds, e.g. 600.",
    });
  });

  it("says what a number of seconds means", () => {
    expect(formatDuration(90)).toBe("1 min 30 s");
    expect(formatDuration(1200)).toBe("20 min");
    expect(formatDuration(43_200)).toBe("12 h");
    expect(describeMicroStop("0")).toMatch(/^Off/);
    expect(describeMicroStop("abc")).toBe("");
    expect(describeMicroStop("120", 120)).toBe("= 2 min (default)");
    expect(describeTimeout("900", 600)).toBe("= 15 min");
  });
});
