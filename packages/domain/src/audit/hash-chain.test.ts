import { describe, expect, it } from "vitest";
import { chainHash, findChainBreak, type TChainedEntry } from "./hash-chain";

const text = (value: string) => new TextEncoder().encode(value);

/** A chain built the way the insert trigger builds it. */
function buildChain(contents: string[]): TChainedEntry[] {
  const entries: TChainedEntry[] = [];
  for (const [index, content] of contents.entries()) {
    const prevHash = entries.at(-1)?.hash ?? null;
    entries.push({
      seq: BigInt(index + 1),
      content: text(content),
      prevHash,
      hash: chainHash(prevHash, text(content)),
    });
  }
  return entries;
}

const contents = [
  '["t",1,"task.create"]',
  '["t",2,"rule.update"]',
  '["t",3,"decision.log"]',
  '["t",4,"task.complete"]',
];

describe("audit hash chain", () => {
  it("holds for an untouched chain, whatever order the entries are read in", () => {
    const chain = buildChain(contents);
    expect(findChainBreak(chain)).toBeNull();
    expect(findChainBreak([...chain].reverse())).toBeNull();
    expect(findChainBreak([])).toBeNull();
  });

  it("chains each hash from the previous one: the same content at another place hashes differently", () => {
    const chain = buildChain(['["same"]', '["same"]']);
    expect(Buffer.from(chain[0]?.hash ?? []).equals(Buffer.from(chain[1]?.hash ?? []))).toBe(false);
  });

  it("points at an entry whose content was changed", () => {
    const chain = buildChain(contents);
    chain[2] = { ...(chain[2] as TChainedEntry), content: text('["t",3,"decision.log","edited"]') };
    expect(findChainBreak(chain)).toEqual({ seq: 3n, problem: "its content was changed after it was written" });
  });

  it("notices a rewritten entry whose own hash was recomputed: the next link no longer matches", () => {
    const chain = buildChain(contents);
    const forged = text('["t",2,"rule.update","forged"]');
    chain[1] = { ...(chain[1] as TChainedEntry), content: forged, hash: chainHash(chain[1]?.prevHash ?? null, forged) };
    expect(findChainBreak(chain)).toEqual({ seq: 3n, problem: "its link does not match the entry before it" });
  });

  it("notices deleted entries, in the middle and at the start", () => {
    const chain = buildChain(contents);
    expect(findChainBreak([chain[0], chain[1], chain[3]] as TChainedEntry[])).toEqual({
      seq: 4n,
      problem: "entries before this one are missing",
    });
    expect(findChainBreak(chain.slice(1))).toEqual({ seq: 2n, problem: "entries before this one are missing" });
  });

  it("notices a first entry that claims a predecessor", () => {
    const chain = buildChain(contents);
    chain[0] = { ...(chain[0] as TChainedEntry), prevHash: chainHash(null, text("invented")) };
    expect(findChainBreak(chain)).toEqual({ seq: 1n, problem: "its link does not match the entry before it" });
  });
});
