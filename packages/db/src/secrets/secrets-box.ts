import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Encrypts a connector's secrets (passwords, tokens, webhook secrets) into one string for its
 * database row, with AES-256-GCM. The key is passed in by the caller, which reads it from its
 * validated env module; this file reads no env.
 *
 * Format: `v1.<iv>.<ciphertext>.<tag>`, each part base64url. The tenant and connector ids are
 * authenticated but not stored, so a value copied to another tenant's or connector's row fails
 * to open instead of leaking one customer's credentials into another's connector.
 */

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export type SecretsContext = { tenantId: string; connectorId: string };

export type SecretsErrorCode = "WRONG_KEY_OR_TAMPERED" | "MALFORMED" | "UNSUPPORTED_VERSION";

/** Messages never quote the plaintext nor the key; nothing decrypted is attached as `cause`. */
export class SecretsError extends Error {
  readonly code: SecretsErrorCode;

  constructor(code: SecretsErrorCode, message: string) {
    super(message);
    this.name = "SecretsError";
    this.code = code;
  }
}

/** Decodes the base64 key an admin put in the environment; it must be exactly 32 bytes. */
export function parseSecretsKey(base64: string): Buffer {
  const trimmed = base64.trim();
  // Buffer.from silently skips invalid characters, so check the alphabet first.
  const key = BASE64.test(trimmed) ? Buffer.from(trimmed, "base64") : Buffer.alloc(0);
  if (key.length !== KEY_BYTES) {
    // The value itself is a secret: report its size, never its content.
    const got = BASE64.test(trimmed) ? `${key.length} bytes` : "not valid base64";
    throw new Error(
      `The secrets encryption key must be ${KEY_BYTES} random bytes encoded as base64 (got ${got}). ` +
        "Generate one with: openssl rand -base64 32",
    );
  }
  return key;
}

export function sealSecrets(key: Buffer, plaintext: Record<string, string>, context: SecretsContext): string {
  assertKey(key);
  for (const [field, value] of Object.entries(plaintext)) {
    if (typeof value !== "string") {
      throw new TypeError(`Secret field "${field}" must be a string, got ${typeof value}.`);
    }
  }
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(context));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(plaintext), "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, ciphertext, tag]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/**
 * Opens a value sealed by `sealSecrets`. Pass one key, or several during a rotation, newest
 * first: the first key that authenticates the value wins.
 */
export function openSecrets(
  keys: Buffer | readonly Buffer[],
  sealed: string,
  context: SecretsContext,
): Record<string, string> {
  const candidates = Buffer.isBuffer(keys) ? [keys] : keys;
  if (candidates.length === 0) throw new Error("openSecrets needs at least one key.");
  for (const key of candidates) assertKey(key);

  const { iv, ciphertext, tag } = parseSealed(sealed);
  const aad = additionalData(context);
  for (const key of candidates) {
    const json = tryDecrypt(key, iv, ciphertext, tag, aad);
    if (json !== undefined) return parsePlaintext(json);
  }
  throw new SecretsError(
    "WRONG_KEY_OR_TAMPERED",
    "The connector's secrets could not be decrypted: the encryption key differs from the one " +
      "they were saved with, or the stored value was altered or copied from another connector. " +
      "If the key was rotated, keep the previous key configured until every secret is re-saved; " +
      "otherwise re-enter the connector's secrets.",
  );
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) {
    throw new Error(`Secrets encryption key must be ${KEY_BYTES} bytes; build it with parseSecretsKey().`);
  }
}

/** JSON keeps the two ids apart, so ("a.b", "c") and ("a", "b.c") are different contexts. */
function additionalData(context: SecretsContext): Buffer {
  return Buffer.from(
    JSON.stringify(["gemba.connector-secrets", VERSION, context.tenantId, context.connectorId]),
    "utf8",
  );
}

function parseSealed(sealed: string): { iv: Buffer; ciphertext: Buffer; tag: Buffer } {
  const parts = sealed.split(".");
  const version = parts[0] ?? "";
  if (/^v\d+$/.test(version) && version !== VERSION) {
    throw new SecretsError(
      "UNSUPPORTED_VERSION",
      `Connector secrets are stored in format ${version}, which this version of Gemba cannot ` +
        `read (it reads ${VERSION}). Upgrade Gemba, or re-enter the connector's secrets.`,
    );
  }
  const [, ivPart, ciphertextPart, tagPart] = parts;
  if (
    parts.length !== 4 ||
    version !== VERSION ||
    ivPart === undefined ||
    ciphertextPart === undefined ||
    tagPart === undefined
  ) {
    throw malformed();
  }
  const iv = decodePart(ivPart);
  const ciphertext = decodePart(ciphertextPart);
  const tag = decodePart(tagPart);
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES || ciphertext.length === 0) {
    throw malformed();
  }
  return { iv, ciphertext, tag };
}

/**
 * Only the canonical encoding is accepted: otherwise the unused low bits of the last character
 * could be changed without changing the bytes, and an altered string would still open.
 */
function decodePart(part: string): Buffer {
  if (!BASE64URL.test(part)) throw malformed();
  const bytes = Buffer.from(part, "base64url");
  if (bytes.toString("base64url") !== part) throw malformed();
  return bytes;
}

function tryDecrypt(key: Buffer, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): string | undefined {
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

/** Authenticated, so only a bug in sealing gets here; the JSON error is dropped as it quotes the text. */
function parsePlaintext(json: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw malformed();
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw malformed();
  if (!Object.values(parsed).every((value) => typeof value === "string")) throw malformed();
  return parsed as Record<string, string>;
}

function malformed(): SecretsError {
  return new SecretsError(
    "MALFORMED",
    "The connector's stored secrets are not in the expected format (v1.<iv>.<ciphertext>.<tag>). " +
      "Re-enter the connector's secrets.",
  );
}
