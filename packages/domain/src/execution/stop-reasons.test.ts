import { describe, expect, it } from "vitest";
import type { DeriveStateIntervalsInput } from "./derive-state-intervals";
import { buildReasonLookup } from "./reason-lookup";
import { at, deriveDay, rows, signal } from "./test-support";

// How a stop gets its reason, its loss and its place in or out of planned time.
describe("stop reasons", () => {
  describe("from the machine", () => {
    const longStop = (
      state: "DOWN" | "IDLE" | "PLANNED_STOP",
      reasonCode?: string,
      extra: Partial<DeriveStateIntervalsInput> = {},
    ) =>
      deriveDay({
        ...extra,
        signals: [
          signal(at("05:00"), "RUNNING"),
          signal(at("08:00"), state, reasonCode),
          signal(at("08:30"), "RUNNING"),
        ],
      }).find((i) => i.stopStart === at("08:00"));

    it("takes the loss from the machine's reason, or from the state when there is none", () => {
      expect(longStop("DOWN", "JAM")).toMatchObject({ lossCategory: "EQUIPMENT_FAILURE", unclassified: false });
      expect(longStop("PLANNED_STOP", "CHANGEOVER")).toMatchObject({ lossCategory: "SETUP_ADJUSTMENT" });
      // A planned stop without a reason is still known to be planned: a setup loss, not unclassified.
      expect(longStop("PLANNED_STOP")).toMatchObject({ lossCategory: "SETUP_ADJUSTMENT", unclassified: false });
      expect(longStop("IDLE")).toMatchObject({ lossCategory: "MINOR_STOPS", unclassified: true });
      expect(longStop("IDLE", "MATERIAL_STARVED")).toMatchObject({ lossCategory: "MINOR_STOPS", unclassified: false });
    });

    it("takes a stop with an excluded reason out of planned time", () => {
      expect(longStop("IDLE", "NO_ORDER")).toMatchObject({
        state: "IDLE",
        scheduled: false,
        lossCategory: null,
        unclassified: false,
      });
      expect(longStop("PLANNED_STOP", "PLANNED_MAINTENANCE")).toMatchObject({ scheduled: false });
    });

    it("accepts a tenant's own reasons and unknown codes", () => {
      const reasons = buildReasonLookup([
        { code: "COOLANT", appliesTo: "DOWN", lossCategory: "EQUIPMENT_FAILURE", excludedFromPlannedTime: false },
        { code: "TRAINING", appliesTo: "IDLE", lossCategory: null, excludedFromPlannedTime: true },
      ]);
      expect(longStop("DOWN", "COOLANT", { reasons })).toMatchObject({ lossCategory: "EQUIPMENT_FAILURE" });
      expect(longStop("IDLE", "TRAINING", { reasons })).toMatchObject({ scheduled: false });
      // A code nobody defined still explains the stop; the loss follows the state.
      expect(longStop("DOWN", "SOMETHING_ELSE")).toMatchObject({
        unclassified: false,
        lossCategory: "EQUIPMENT_FAILURE",
      });
    });

    it("adopts a reason that arrives after the stop began for the whole stop", () => {
      const intervals = deriveDay({
        signals: [
          signal(at("05:00"), "RUNNING"),
          signal(at("08:00"), "DOWN"),
          signal(at("08:01"), "DOWN", "FAIL_ELEC"),
          signal(at("08:01"), "DOWN"), // a connector repeating itself changes nothing
          signal(at("08:30"), "RUNNING"),
        ],
      });
      expect(rows(intervals).slice(1, 2)).toEqual([["08:00", "08:30", "DOWN", "FAIL_ELEC"]]);
    });

    it("starts a new stop when the same state comes with a different reason", () => {
      const intervals = deriveDay({
        signals: [
          signal(at("05:00"), "RUNNING"),
          signal(at("08:00"), "PLANNED_STOP", "CHANGEOVER"),
          signal(at("08:20"), "PLANNED_STOP", "PLANNED_MAINTENANCE"),
          signal(at("09:00"), "RUNNING"),
        ],
      });
      expect(intervals.slice(1, 3).map((i) => [i.stopStart, i.reasonCode, i.scheduled])).toEqual([
        [at("08:00"), "CHANGEOVER", true],
        [at("08:20"), "PLANNED_MAINTENANCE", false],
      ]);
    });
  });

  describe("operator classification", () => {
    const signals = [signal(at("05:00"), "RUNNING"), signal(at("08:00"), "DOWN"), signal(at("08:30"), "RUNNING")];
    const stopWith = (classifications: DeriveStateIntervalsInput["classifications"]) =>
      deriveDay({ signals, classifications }).find((i) => i.stopStart === at("08:00"));

    it("turns an unclassified failure into the operator's reason and its loss", () => {
      expect(stopWith([])).toMatchObject({ unclassified: true, reasonCode: null, lossCategory: "EQUIPMENT_FAILURE" });
      expect(
        stopWith([{ stopStart: at("08:00"), reasonCode: "CHANGEOVER", classifiedAt: at("08:40"), by: "op-1" }]),
      ).toMatchObject({ unclassified: false, reasonCode: "CHANGEOVER", lossCategory: "SETUP_ADJUSTMENT" });
    });

    it("lets the latest classification win, whatever order they come in", () => {
      const first = { stopStart: at("08:00"), reasonCode: "JAM", classifiedAt: at("08:40") };
      const second = { stopStart: at("08:00"), reasonCode: "MATERIAL_STARVED", classifiedAt: at("09:10") };
      expect(stopWith([second, first])).toMatchObject({ reasonCode: "MATERIAL_STARVED", lossCategory: "MINOR_STOPS" });
      expect(stopWith([first, second])).toMatchObject({ reasonCode: "MATERIAL_STARVED" });
    });

    it("overrides the machine's own reason", () => {
      const intervals = deriveDay({
        signals: [
          signal(at("05:00"), "RUNNING"),
          signal(at("08:00"), "DOWN", "FAIL_MECH"),
          signal(at("08:30"), "RUNNING"),
        ],
        classifications: [{ stopStart: at("08:00"), reasonCode: "NO_ORDER", classifiedAt: at("08:45") }],
      });
      expect(intervals.find((i) => i.stopStart === at("08:00"))).toMatchObject({
        reasonCode: "NO_ORDER",
        scheduled: false,
        lossCategory: null,
      });
    });

    it("ignores a classification that names no stop's start", () => {
      expect(stopWith([{ stopStart: at("08:01"), reasonCode: "JAM", classifiedAt: at("08:40") }])).toMatchObject({
        unclassified: true,
      });
    });
  });
});
