import { createHash } from "node:crypto";

/**
 * The audit trail's chain, independent of the database that stores it: entry n's hash is
 * SHA-256(hash of entry n−1 ‖ entry n's canonical content), the first entry chains from nothing.
 * Postgres computes the same thing in its insert trigger (gemba_audit_hash); verifying here with
 * the content bytes and hashes read back means a check does not have to trust the database's own
 * verification function.
 */
export type TChainedEntry = {
  seq: bigint;
  /** Canonical content bytes (gemba_audit_content: a JSON array of the entry's fields). */
  content: Uint8Array;
  prevHash: Uint8Array | null;
  hash: Uint8Array;
};

export type TChainBreak = {
  seq: bigint;
  problem:
    | "entries before this one are missing"
    | "its link does not match the entry before it"
    | "its content was changed after it was written";
};

export function chainHash(prevHash: Uint8Array | null, content: Uint8Array): Buffer {
  return createHash("sha256")
    .update(prevHash ?? new Uint8Array())
    .update(content)
    .digest();
}

/** The first entry (in sequence order) that breaks the chain, or null when every link holds. */
export function findChainBreak(entries: readonly TChainedEntry[]): TChainBreak | null {
  let previous: TChainedEntry | null = null;
  for (const entry of [...entries].sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0))) {
    const expectedSeq = (previous?.seq ?? 0n) + 1n;
    if (entry.seq !== expectedSeq) return { seq: entry.seq, problem: "entries before this one are missing" };
    if (!sameBytes(entry.prevHash, previous?.hash ?? null)) {
      return { seq: entry.seq, problem: "its link does not match the entry before it" };
    }
    if (!sameBytes(chainHash(entry.prevHash, entry.content), entry.hash)) {
      return { seq: entry.seq, problem: "its content was changed after it was written" };
    }
    previous = entry;
  }
  return null;
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  return Buffer.from(a).equals(Buffer.from(b));
}
