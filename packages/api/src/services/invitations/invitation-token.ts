import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

/** Invitations are valid for a week: long enough for a shift worker's days off. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The link carries `<tenantId>.<secret>`. The tenant part only scopes the lookup (row-level
 * security needs a tenant); the secret is what proves the link, and only its hash is stored.
 */
export function createInvitationToken(tenantId: string): { token: string; tokenHash: string } {
  const secret = randomBytes(32).toString("base64url");
  return { token: `${tenantId}.${secret}`, tokenHash: hashSecret(secret) };
}

const ZToken = z.string().regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{20,}$/);

export function parseInvitationToken(token: string): { tenantId: string; tokenHash: string } | null {
  if (!ZToken.safeParse(token).success) return null;
  const [tenantId, secret] = token.split(".");
  if (!tenantId || !secret || !z.uuid().safeParse(tenantId).success) return null;
  return { tenantId, tokenHash: hashSecret(secret) };
}

function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
