import { describe, expect, it } from "vitest";
import { decideEscalation, nextEscalation, parseEscalationLadder } from "./escalation";

const ladder = [
  { role: "MANAGER" as const, afterMinutes: 10 },
  { role: "ADMIN" as const, afterMinutes: 30 },
];
const created = Date.parse("2026-01-15T08:00:00Z");
const minutes = (n: number) => n * 60_000;

describe("nextEscalation", () => {
  it("counts each rung from when the task reached its holder", () => {
    expect(nextEscalation(ladder, 0, created)).toEqual({ step: 1, role: "MANAGER", dueAt: created + minutes(10) });
    expect(nextEscalation(ladder, 1, created + minutes(12))).toEqual({
      step: 2,
      role: "ADMIN",
      dueAt: created + minutes(42),
    });
    expect(nextEscalation(ladder, 2, created)).toBeNull();
    expect(nextEscalation([], 0, created)).toBeNull();
  });
});

describe("parseEscalationLadder", () => {
  it("reads a stored ladder and drops anything malformed", () => {
    expect(parseEscalationLadder(ladder)).toEqual(ladder);
    expect(parseEscalationLadder(null)).toEqual([]);
    expect(parseEscalationLadder([{ role: "BOSS", afterMinutes: 1 }])).toEqual([]);
  });
});

describe("decideEscalation", () => {
  const open = { status: "OPEN", escalationStep: 0, nextEscalationAt: created + minutes(10), escalation: ladder };

  it("climbs one rung when due and says what follows", () => {
    const now = created + minutes(11);
    expect(decideEscalation(open, 1, now)).toEqual({
      kind: "escalate",
      rung: { step: 1, role: "MANAGER", dueAt: created + minutes(10) },
      following: { step: 2, role: "ADMIN", dueAt: now + minutes(30) },
    });
    const top = { ...open, escalationStep: 1, nextEscalationAt: now };
    expect(decideEscalation(top, 2, now)).toMatchObject({ kind: "escalate", rung: { role: "ADMIN" }, following: null });
  });

  it("skips an acknowledged task, a stale job, or one that is not due", () => {
    const now = created + minutes(11);
    expect(decideEscalation({ ...open, status: "ACKNOWLEDGED" }, 1, now)).toEqual({
      kind: "skip",
      why: "task is acknowledged",
    });
    expect(decideEscalation({ ...open, nextEscalationAt: null }, 1, now).kind).toBe("skip");
    expect(decideEscalation(open, 2, now)).toEqual({ kind: "skip", why: "task is at step 0, job was for step 2" });
    expect(decideEscalation(open, 1, created + minutes(9))).toEqual({ kind: "skip", why: "not due yet" });
    expect(decideEscalation({ ...open, escalation: [] }, 1, now).kind).toBe("skip");
  });
});
