import { describe, expect, it } from "vitest";
import { isOverdue, mayAct, planTransition } from "./task-rules";

describe("task transitions", () => {
  it("acknowledges an open task once; again is a no-op", () => {
    expect(planTransition("OPEN", "acknowledge")).toMatchObject({ kind: "apply", to: "ACKNOWLEDGED" });
    expect(planTransition("ACKNOWLEDGED", "acknowledge")).toEqual({ kind: "noop" });
    expect(planTransition("DONE", "acknowledge")).toMatchObject({ kind: "refuse" });
  });

  it("completes open or acknowledged tasks; completing twice is a no-op; cancelled stays cancelled", () => {
    expect(planTransition("OPEN", "complete")).toMatchObject({ kind: "apply", to: "DONE" });
    expect(planTransition("ACKNOWLEDGED", "complete")).toMatchObject({ kind: "apply", to: "DONE" });
    expect(planTransition("DONE", "complete")).toEqual({ kind: "noop" });
    expect(planTransition("CANCELLED", "complete")).toMatchObject({ kind: "refuse", message: /cancelled/ });
  });

  it("cancels what is not done", () => {
    expect(planTransition("ACKNOWLEDGED", "cancel")).toMatchObject({ kind: "apply", to: "CANCELLED" });
    expect(planTransition("CANCELLED", "cancel")).toEqual({ kind: "noop" });
    expect(planTransition("DONE", "cancel")).toMatchObject({ kind: "refuse" });
  });
});

describe("who may act", () => {
  const me = { userId: "u1", role: "OPERATOR" as const };
  it("lets operators act on their own, their role's and unassigned tasks", () => {
    expect(mayAct({ assigneeUserId: "u1", assigneeRole: null }, me, "complete")).toBe(true);
    expect(mayAct({ assigneeUserId: "u2", assigneeRole: null }, me, "acknowledge")).toBe(false);
    expect(mayAct({ assigneeUserId: null, assigneeRole: "OPERATOR" }, me, "complete")).toBe(true);
    expect(mayAct({ assigneeUserId: null, assigneeRole: "MANAGER" }, me, "complete")).toBe(false);
    expect(mayAct({ assigneeUserId: null, assigneeRole: null }, me, "acknowledge")).toBe(true);
    expect(mayAct({ assigneeUserId: "u1", assigneeRole: null }, me, "cancel")).toBe(false);
  });

  it("lets managers act on any task, cancelling included", () => {
    const manager = { userId: "m", role: "MANAGER" as const };
    expect(mayAct({ assigneeUserId: "u2", assigneeRole: null }, manager, "cancel")).toBe(true);
  });

  it("calls an open task past its due time overdue", () => {
    const due = new Date(1_000);
    expect(isOverdue({ status: "OPEN", dueAt: due }, 2_000)).toBe(true);
    expect(isOverdue({ status: "DONE", dueAt: due }, 2_000)).toBe(false);
    expect(isOverdue({ status: "ACKNOWLEDGED", dueAt: null }, 2_000)).toBe(false);
  });
});
