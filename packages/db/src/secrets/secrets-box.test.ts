import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecrets, parseSecretsKey, SecretsError, sealSecrets } from "./secrets-box";

const context = { tenantId: "tenant-a", connectorId: "connector-1" };
const plaintext = { password: "hunter2-Plaintext-Marker", token: "tok_SuperSecret_Marker" };
const newKey = randomBytes(32);
const oldKey = randomBytes(32);

function expectSecretsError(fn: () => unknown, code: SecretsError["code"]): SecretsError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SecretsError);
    const secretsError = error as SecretsError;
    expect(secretsError.code).toBe(code);
    for (const value of Object.values(plaintext)) {
      expect(secretsError.message).not.toContain(value);
      expect(secretsError.stack ?? "").not.toContain(value);
      expect(String(secretsError)).not.toContain(value);
    }
    expect(secretsError.cause).toBeUndefined();
    return secretsError;
  }
  throw new Error(`expected a SecretsError ${code}`);
}

/** Flips one character of the given part to another valid base64url character. */
function tamper(sealed: string, partIndex: number, charIndex = 0): string {
  const parts = sealed.split(".");
  const part = parts[partIndex] ?? "";
  const chars = [...part];
  chars[charIndex] = chars[charIndex] === "A" ? "B" : "A";
  parts[partIndex] = chars.join("");
  return parts.join(".");
}

describe("sealSecrets / openSecrets", () => {
  it("round-trips the secrets", () => {
    const sealed = sealSecrets(newKey, plaintext, context);
    expect(openSecrets(newKey, sealed, context)).toEqual(plaintext);
    expect(openSecrets(newKey, sealSecrets(newKey, {}, context), context)).toEqual({});
  });

  it("round-trips unicode and awkward field names", () => {
    const odd = { "pass word": "päss🔑\n\"'", __proto__field: "x", "": "empty-name" };
    expect(openSecrets(newKey, sealSecrets(newKey, odd, context), context)).toEqual(odd);
  });

  it("produces the v1 format and never contains the plaintext", () => {
    const sealed = sealSecrets(newKey, plaintext, context);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    for (const value of Object.values(plaintext)) expect(sealed).not.toContain(value);
  });

  it("uses a fresh IV for every seal", () => {
    const seals = Array.from({ length: 20 }, () => sealSecrets(newKey, plaintext, context));
    expect(new Set(seals.map((sealed) => sealed.split(".")[1])).size).toBe(20);
    expect(new Set(seals).size).toBe(20);
  });

  it.each([
    ["iv", 1],
    ["ciphertext", 2],
    ["tag", 3],
  ])("fails when the %s is altered", (_name, partIndex) => {
    const sealed = sealSecrets(newKey, plaintext, context);
    const part = sealed.split(".")[partIndex] ?? "";
    // First and last character: the last one also covers unused padding bits.
    expectSecretsError(() => openSecrets(newKey, tamper(sealed, partIndex), context), "WRONG_KEY_OR_TAMPERED");
    const last = tamper(sealed, partIndex, part.length - 1);
    expect(() => openSecrets(newKey, last, context)).toThrow(SecretsError);
  });

  it("fails when parts are swapped between two seals", () => {
    const a = sealSecrets(newKey, plaintext, context).split(".");
    const b = sealSecrets(newKey, plaintext, context).split(".");
    const mixed = [a[0], a[1], b[2], a[3]].join(".");
    expectSecretsError(() => openSecrets(newKey, mixed, context), "WRONG_KEY_OR_TAMPERED");
  });

  it("fails with the wrong key", () => {
    const sealed = sealSecrets(newKey, plaintext, context);
    expectSecretsError(() => openSecrets(oldKey, sealed, context), "WRONG_KEY_OR_TAMPERED");
  });

  it("fails when copied to another tenant or connector", () => {
    const sealed = sealSecrets(newKey, plaintext, context);
    expectSecretsError(
      () => openSecrets(newKey, sealed, { ...context, tenantId: "tenant-b" }),
      "WRONG_KEY_OR_TAMPERED",
    );
    expectSecretsError(
      () => openSecrets(newKey, sealed, { ...context, connectorId: "connector-2" }),
      "WRONG_KEY_OR_TAMPERED",
    );
  });

  it("keeps tenant and connector apart in the AAD", () => {
    const sealed = sealSecrets(newKey, plaintext, { tenantId: "a.b", connectorId: "c" });
    expectSecretsError(
      () => openSecrets(newKey, sealed, { tenantId: "a", connectorId: "b.c" }),
      "WRONG_KEY_OR_TAMPERED",
    );
    expectSecretsError(
      () => openSecrets(newKey, sealed, { tenantId: "c", connectorId: "a.b" }),
      "WRONG_KEY_OR_TAMPERED",
    );
  });

  it.each([
    ["empty", ""],
    ["no version", "hello"],
    ["too few parts", "v1.AAAAAAAAAAAAAAAA.AAAA"],
    ["too many parts", "v1.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA"],
    ["empty ciphertext", "v1.AAAAAAAAAAAAAAAA..AAAAAAAAAAAAAAAAAAAAAA"],
    ["short iv", "v1.AAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA"],
    ["short tag", "v1.AAAAAAAAAAAAAAAA.AAAA.AAAA"],
    ["invalid characters", "v1.AAAAAAAAAAAAAAAA.AA+/.AAAAAAAAAAAAAAAAAAAAAA"],
    ["padding", "v1.AAAAAAAAAAAAAAAA.AAA=.AAAAAAAAAAAAAAAAAAAAAA"],
    ["non-canonical base64url", "v1.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAB"],
    ["uppercase version", "V1.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA"],
  ])("rejects a malformed value (%s)", (_name, sealed) => {
    expectSecretsError(() => openSecrets(newKey, sealed, context), "MALFORMED");
  });

  it("rejects an unknown version", () => {
    const sealed = sealSecrets(newKey, plaintext, context).replace(/^v1\./, "v2.");
    const error = expectSecretsError(() => openSecrets(newKey, sealed, context), "UNSUPPORTED_VERSION");
    expect(error.message).toContain("v2");
  });

  it("opens with any of the keys during a rotation", () => {
    const sealedWithOld = sealSecrets(oldKey, plaintext, context);
    const sealedWithNew = sealSecrets(newKey, plaintext, context);
    expect(openSecrets([newKey, oldKey], sealedWithOld, context)).toEqual(plaintext);
    expect(openSecrets([newKey, oldKey], sealedWithNew, context)).toEqual(plaintext);
    expectSecretsError(() => openSecrets([newKey, randomBytes(32)], sealedWithOld, context), "WRONG_KEY_OR_TAMPERED");
  });

  it("refuses an empty key list or a key of the wrong size", () => {
    const sealed = sealSecrets(newKey, plaintext, context);
    expect(() => openSecrets([], sealed, context)).toThrow(/at least one key/);
    expect(() => openSecrets([newKey, randomBytes(16)], sealed, context)).toThrow(/32 bytes/);
    expect(() => sealSecrets(randomBytes(31), plaintext, context)).toThrow(/32 bytes/);
  });

  it("refuses non-string values when sealing, without quoting them", () => {
    const bad = { port: 5432 } as unknown as Record<string, string>;
    expect(() => sealSecrets(newKey, bad, context)).toThrow(/"port" must be a string/);
  });
});

describe("parseSecretsKey", () => {
  it("decodes a 32-byte base64 key, ignoring surrounding whitespace", () => {
    const key = randomBytes(32);
    expect(parseSecretsKey(`${key.toString("base64")}\n`).equals(key)).toBe(true);
  });

  it.each([
    ["empty", ""],
    ["too short", randomBytes(16).toString("base64")],
    ["too long", randomBytes(48).toString("base64")],
    ["not base64", "this is not base64 at all, definitely!!"],
    ["hex instead of base64", randomBytes(32).toString("hex")],
  ])("rejects a key that is %s and says how to make one", (_name, value) => {
    expect(() => parseSecretsKey(value)).toThrow(/openssl rand -base64 32/);
    try {
      parseSecretsKey(value);
    } catch (error) {
      if (value !== "") expect((error as Error).message).not.toContain(value);
    }
  });
});
