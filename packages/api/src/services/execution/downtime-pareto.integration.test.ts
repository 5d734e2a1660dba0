import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExecutionTestPlant, type TExecutionTestPlant, type TIntervalRow } from "./testing/execution-test-plant";

let db: TestDatabase;
let plant: TExecutionTestPlant;
let press: string;
let cell: string;

// Chicago is UTC−5 in June: the local day 2026-06-10 is [05:00Z, next day 05:00Z).
const at = (time: string) => new Date(`2026-06-10T${time}:00Z`);

function piece(
  start: string,
  end: string,
  state: TIntervalRow["state"],
  facts: Partial<TIntervalRow> = {},
): TIntervalRow {
  const stop = state === "DOWN" || state === "IDLE" || state === "PLANNED_STOP";
  return {
    start: at(start),
    end: at(end),
    state,
    scheduled: true,
    unclassified: false,
    microStop: false,
    reasonCode: null,
    lossCategory: state === "DOWN" ? "EQUIPMENT_FAILURE" : null,
    stopStart: stop ? at(start) : null,
    shiftKey: "2026-06-10|Early",
    ...facts,
  };
}
const breakPiece = (start: string, end: string) =>
  piece(start, end, "PLANNED_STOP", { reasonCode: "BREAK", scheduled: false, stopStart: null });

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createExecutionTestPlant(db, "Pareto", "America/Chicago");
  press = await plant.addWorkCenter("PRESS");
  cell = await plant.addWorkCenter("CELL");
  await plant.insertIntervals(press, [
    piece("11:00", "12:00", "RUNNING"),
    // One failure cut by a break: 30 minutes, one occurrence.
    piece("12:00", "12:20", "DOWN", { reasonCode: "FAIL_MECH" }),
    breakPiece("12:20", "12:30"),
    piece("12:30", "12:40", "DOWN", { reasonCode: "FAIL_MECH", stopStart: at("12:00") }),
    piece("12:40", "13:00", "RUNNING"),
    piece("13:00", "13:05", "DOWN", { reasonCode: "FAIL_MECH" }),
    piece("13:05", "14:00", "RUNNING"),
    piece("14:00", "14:45", "DOWN", { unclassified: true }),
    piece("14:45", "15:00", "RUNNING"),
    // A minor stop: a performance loss, not a Pareto bar.
    piece("15:00", "15:01", "IDLE", { microStop: true, lossCategory: "MINOR_STOPS" }),
    piece("15:01", "16:00", "RUNNING"),
    piece("16:00", "16:30", "PLANNED_STOP", { reasonCode: "CHANGEOVER", lossCategory: "SETUP_ADJUSTMENT" }),
    // A code the plant's reason tree does not have: shown by its code.
    piece("16:30", "16:40", "DOWN", { reasonCode: "OWN_CODE" }),
    piece("16:40", "17:00", "RUNNING"),
    // 23:30–00:30 local: only its first half is in the day.
    {
      ...piece("00:00", "00:00", "DOWN", { reasonCode: "FAIL_ELEC" }),
      start: new Date("2026-06-11T04:30:00Z"),
      end: new Date("2026-06-11T05:30:00Z"),
      stopStart: new Date("2026-06-11T04:30:00Z"),
    },
  ]);
  await plant.insertIntervals(cell, [
    piece("10:00", "10:40", "DOWN", { unclassified: true }),
    piece("10:40", "11:00", "RUNNING"),
    piece("11:00", "11:20", "IDLE", { unclassified: true, lossCategory: "MINOR_STOPS" }),
    breakPiece("11:20", "11:30"),
    piece("11:30", "12:00", "IDLE", { unclassified: true, lossCategory: "MINOR_STOPS", stopStart: at("11:00") }),
    piece("12:00", "12:05", "RUNNING"),
    // Still going: the latest interval of the cell.
    piece("12:05", "12:15", "DOWN", { unclassified: true }),
  ]);
});

afterAll(async () => {
  await db.drop();
});

describe("execution.losses Pareto", () => {
  it("adds up scheduled stop minutes and distinct stops per reason, unclassified as a bar of its own", async () => {
    const api = await plant.caller();
    const { pareto } = await api.execution.losses({
      lineId: plant.fixture.lineId,
      from: "2026-06-10",
      to: "2026-06-10",
    });
    expect(pareto.map((bar) => [bar.label, bar.category, bar.minutes, bar.occurrences])).toEqual([
      ["Unclassified", null, 145, 4],
      ["Mechanical failure", "Breakdowns", 35, 2],
      ["Changeover / setup", "Setup and changeover", 30, 1],
      ["Electrical failure", "Breakdowns", 30, 1],
      ["OWN_CODE", null, 10, 1],
    ]);
    expect(pareto[0]).toMatchObject({ key: "UNCLASSIFIED", reasonCode: null, unclassified: true });
    expect(pareto.map((bar) => Number(bar.cumulativeShare.toFixed(3)))).toEqual([0.58, 0.72, 0.84, 0.96, 1]);
  });

  it("narrows to one work center", async () => {
    const api = await plant.caller();
    const { pareto } = await api.execution.losses({ workCenterId: cell, from: "2026-06-10", to: "2026-06-10" });
    expect(pareto.map((bar) => [bar.key, bar.minutes, bar.occurrences])).toEqual([["UNCLASSIFIED", 100, 3]]);
  });
});

describe("execution.unclassifiedDowntimes", () => {
  it("puts a stop's pieces together and lists the longest first, saying which is still going", async () => {
    const api = await plant.caller();
    const stops = await api.execution.unclassifiedDowntimes({
      lineId: plant.fixture.lineId,
      from: "2026-06-10",
      to: "2026-06-10",
    });
    expect(
      stops.map((stop) => [stop.workCenterName, stop.stopStart.toISOString(), stop.durationMinutes, stop.ongoing]),
    ).toEqual([
      ["CELL", at("11:00").toISOString(), 50, false],
      ["PRESS", at("14:00").toISOString(), 45, false],
      ["CELL", at("10:00").toISOString(), 40, false],
      ["CELL", at("12:05").toISOString(), 10, true],
    ]);
    expect(stops[0]).toMatchObject({ state: "IDLE", lastEnd: at("12:00"), lineName: "Line 1" });
  });

  it("keeps to the limit and the range", async () => {
    const api = await plant.caller();
    const top = await api.execution.unclassifiedDowntimes({ from: "2026-06-10", to: "2026-06-10", limit: 2 });
    expect(top.map((stop) => stop.durationMinutes)).toEqual([50, 45]);
    const nextDay = await api.execution.unclassifiedDowntimes({ from: "2026-06-11", to: "2026-06-11" });
    expect(nextDay).toEqual([]);
  });
});
