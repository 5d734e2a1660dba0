import { describe, expect, it } from "vitest";
import { describeSecretFields, mergeSecretUpdates } from "./redact-secrets";

describe("describeSecretFields", () => {
  it("names the fields that hold a secret, never the values", () => {
    const described = describeSecretFields({ password: "hunter2", token: "tok_123", empty: "" });
    expect(described).toEqual({ password: "set", token: "set" });
    expect(JSON.stringify(described)).not.toMatch(/hunter2|tok_123/);
  });

  it("keeps a field named __proto__ as a plain field", () => {
    const described = describeSecretFields(JSON.parse('{"__proto__":"x"}'));
    expect(Object.keys(described)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(described)).toBe(Object.prototype);
  });
});

describe("mergeSecretUpdates", () => {
  const existing = { password: "old-password", token: "old-token", apiKey: "old-key" };

  it("keeps on undefined, clears on empty string, replaces otherwise, adds new fields", () => {
    const merged = mergeSecretUpdates(existing, {
      password: undefined,
      token: "",
      apiKey: "new-key",
      webhookSecret: "whsec",
    });
    expect(merged).toEqual({ password: "old-password", apiKey: "new-key", webhookSecret: "whsec" });
  });

  it("keeps everything when the form sends nothing", () => {
    expect(mergeSecretUpdates(existing, {})).toEqual(existing);
  });

  it("clearing a field that does not exist is a no-op", () => {
    expect(mergeSecretUpdates({}, { password: "" })).toEqual({});
  });

  it("does not mutate its inputs", () => {
    const before = { ...existing };
    const updates = { token: "", password: "new" };
    mergeSecretUpdates(existing, updates);
    expect(existing).toEqual(before);
    expect(updates).toEqual({ token: "", password: "new" });
  });

  it("cannot be used to change the prototype of the result", () => {
    const merged = mergeSecretUpdates({}, JSON.parse('{"__proto__":"x"}'));
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged)).toEqual(["__proto__"]);
  });
});
