import type { THandoverStatus } from "./handover-summary";

/**
 * What may happen to a handover in each status, with the sentence a lead reads when it may not.
 * DRAFT → (outgoing lead signs) → SIGNED → (someone of the next shift acknowledges) → ACKNOWLEDGED.
 * The API applies each change only from the status it starts from, so two people acting at the
 * same moment change it once.
 */
export type THandoverCheck =
  | { kind: "ok" }
  | { kind: "noop" }
  /** FORBIDDEN: not this person's to do; CONFLICT: not in this status. */
  | { kind: "refuse"; code: "FORBIDDEN" | "CONFLICT"; message: string };

const ok: THandoverCheck = { kind: "ok" };

export const NOTES_MAX_LENGTH = 10_000;

export function checkNotesEditable(status: THandoverStatus): THandoverCheck {
  if (status === "DRAFT") return ok;
  return {
    kind: "refuse",
    code: "CONFLICT",
    message:
      "This handover is already signed, so its notes are final. Add what is missing when you acknowledge it, or in the next shift's notes.",
  };
}

export function checkSign(status: THandoverStatus): THandoverCheck {
  if (status === "DRAFT") return ok;
  return {
    kind: "refuse",
    code: "CONFLICT",
    message: "This handover has already been signed. Reload to see who signed it.",
  };
}

export function checkAcknowledge(
  handover: { status: THandoverStatus; signedById: string | null; acknowledgedById: string | null },
  userId: string,
): THandoverCheck {
  if (handover.status === "DRAFT") {
    return {
      kind: "refuse",
      code: "CONFLICT",
      message: "This handover is not signed yet: the outgoing lead signs it first.",
    };
  }
  if (handover.status === "ACKNOWLEDGED") {
    // The same person twice (a tablet sending again) is the same acknowledgement.
    if (handover.acknowledgedById === userId) return { kind: "noop" };
    return {
      kind: "refuse",
      code: "CONFLICT",
      message: "This handover has already been acknowledged. Reload to see by whom.",
    };
  }
  if (handover.signedById === userId) {
    return {
      kind: "refuse",
      code: "FORBIDDEN",
      message:
        "You signed this handover, so you cannot acknowledge it too: someone taking over the next shift acknowledges it.",
    };
  }
  return ok;
}

/** The handover list's keyset position, newest shift first: "<shift start ms>.<id>". */
export type THandoverPosition = { shiftStart: Date; id: string | null };

const CURSOR = /^(\d{1,15})(?:\.([0-9a-f-]{36}))?$/;

export function encodeHandoverCursor(position: { shiftStart: Date; id: string }): string {
  return `${position.shiftStart.getTime()}.${position.id}`;
}

/** A bare "<ms>" means "shifts that started before this instant"; anything else is no position. */
export function decodeHandoverCursor(cursor: string): THandoverPosition | null {
  const match = CURSOR.exec(cursor);
  if (!match?.[1]) return null;
  return { shiftStart: new Date(Number(match[1])), id: match[2] ?? null };
}
