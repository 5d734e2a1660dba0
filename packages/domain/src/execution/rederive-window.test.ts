import { describe, expect, it } from "vitest";
import { rederiveWindow } from "./rederive-window";
import type { TStateInterval } from "./state-interval";
import { at, deriveDay, heartbeatsBetween, MIN, rows, signal } from "./test-support";

describe("rederiveWindow", () => {
  /** Replaces the stored intervals inside the window with fresh ones, as the worker does in the database. */
  function splice(stored: TStateInterval[], window: { from: number; to: number }, fresh: TStateInterval[]) {
    const before = stored
      .filter((i) => i.start < window.from)
      .map((i) => ({ ...i, end: Math.min(i.end, window.from) }));
    const after = stored.filter((i) => i.end > window.to).map((i) => ({ ...i, start: Math.max(i.start, window.to) }));
    return mergeAdjacent([...before, ...fresh, ...after]);
  }
  const FACTS = [
    "state",
    "reasonCode",
    "scheduled",
    "unclassified",
    "microStop",
    "lossCategory",
    "stopStart",
    "shiftKey",
  ] as const;
  function mergeAdjacent(intervals: TStateInterval[]) {
    const merged: TStateInterval[] = [];
    for (const interval of intervals) {
      const last = merged[merged.length - 1];
      const same = last && FACTS.every((key) => last[key] === interval[key]);
      if (last && same && last.end === interval.start) last.end = interval.end;
      else merged.push({ ...interval });
    }
    return merged;
  }

  const from = at("06:00");
  const to = at("14:00");
  const heartbeats = heartbeatsBetween(at("05:00"), at("09:00"));
  const signals = [
    signal(at("05:00"), "RUNNING"),
    signal(at("07:00"), "DOWN"),
    signal(at("07:01"), "DOWN", "JAM"),
    signal(at("07:40"), "RUNNING"),
    signal(at("12:00"), "IDLE"),
  ];
  const derive = (s = signals, h = heartbeats, window = { from, to }) =>
    deriveDay({ from: window.from, to: window.to, now: to, signals: s, heartbeats: h });

  it("is enough to re-derive after a late signal that splits a stop", () => {
    const stored = derive();
    // A RUNNING at 07:10 arrives late: the 07:00 stop (JAM) now ends at 07:10. The stop in progress at
    // 07:10 began at 07:00; the next state change after it is 07:40.
    const late = [...signals, signal(at("07:10"), "RUNNING")];
    const window = rederiveWindow(at("07:00"), at("07:40"));
    const fresh = derive(late, heartbeats, window);
    expect(splice(stored, window, fresh)).toEqual(mergeAdjacent(derive(late)));
  });

  it("is enough to re-derive after a late heartbeat inside an UNKNOWN interval", () => {
    const stored = derive();
    expect(rows(stored).some(([, , state]) => state === "UNKNOWN")).toBe(true);
    const late = [...heartbeats, at("10:00")];
    // The run in progress at 10:00 began at 07:40; no state change follows until 12:00.
    const window = rederiveWindow(at("07:40"), at("12:00"));
    const fresh = derive(signals, late, window);
    expect(splice(stored, window, fresh)).toEqual(mergeAdjacent(derive(signals, late)));
  });

  it("reaches past a repeated state signal to the end of the stored stop", () => {
    // DOWN at 07:00, its reason at 07:01 (the same stop), RUNNING at 07:40. A late RUNNING at
    // 07:00:30 ends the first stop, so 07:01 now starts a stop of its own: beyond the next signal.
    const stored = derive();
    const late = [...signals, signal(at("07:00") + 30_000, "RUNNING")];
    const window = rederiveWindow(at("07:00"), at("07:40"));
    const fresh = derive(late, heartbeats, window);
    const expected = mergeAdjacent(derive(late));
    expect(expected.filter((i) => i.state === "DOWN").map((i) => i.stopStart)).toEqual([at("07:00"), at("07:01")]);
    expect(splice(stored, window, fresh)).toEqual(expected);
  });

  it("is enough to re-derive one stop after an operator classifies it", () => {
    const stored = derive();
    const classifications = [{ stopStart: at("12:00"), reasonCode: "NO_ORDER", classifiedAt: at("13:00") }];
    const window = rederiveWindow(at("12:00"), at("14:00"));
    const fresh = deriveDay({ ...window, now: to, signals, heartbeats, classifications });
    const expected = deriveDay({ now: to, signals, heartbeats, classifications });
    expect(expected.find((i) => i.stopStart === at("12:00"))).toMatchObject({ scheduled: false });
    expect(splice(stored, window, fresh)).toEqual(mergeAdjacent(expected));
  });

  it("adds the unknown timeout to the end of the span", () => {
    expect(rederiveWindow(at("07:00"), at("08:00"), { unknownTimeoutMs: 5 * MIN })).toEqual({
      from: at("07:00"),
      to: at("08:05"),
    });
    expect(rederiveWindow(at("07:00"), at("08:00")).to - at("08:00")).toBe(10 * MIN);
  });
});
