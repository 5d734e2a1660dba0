import { describe, expect, it } from "vitest";
import { assigneeText, dueLabel } from "./task-format";

const now = new Date("2026-11-24T12:00:00Z");
const zone = "Europe/Berlin";

describe("task due labels", () => {
  it("says overdue, today or the date, in the plant's clock", () => {
    expect(dueLabel("2026-11-24T11:00:00Z", true, now, zone)).toEqual({
      tone: "late",
      text: "Overdue · was due Nov 24, 12:00",
    });
    expect(dueLabel("2026-11-24T15:00:00Z", true, now, zone)).toEqual({ tone: "today", text: "Due today 16:00" });
    expect(dueLabel("2026-11-27T07:00:00Z", true, now, zone)).toEqual({ tone: "upcoming", text: "Due Nov 27, 08:00" });
    expect(dueLabel(null, true, now, zone).tone).toBe("none");
    expect(dueLabel("2026-11-24T11:00:00Z", false, now, zone).tone).toBe("none");
  });

  it("names who a task is for", () => {
    expect(assigneeText({ assignee: { name: "Omar" }, assigneeRole: null }, "Omar")).toBe("For you");
    expect(assigneeText({ assignee: null, assigneeRole: "OPERATOR" }, "Omar")).toBe("For every operator");
    expect(assigneeText({ assignee: null, assigneeRole: null }, "Omar")).toBe("For anyone");
  });
});
