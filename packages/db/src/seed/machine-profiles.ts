import type { TShiftDefinition } from "@gemba/domain/calendar/expand-shifts";
import type { TTelemetryChannel, TWorkCenterProfile } from "@gemba/domain/simulation/work-center-profile";

// Building blocks shared by the demo plants: shifts, machine behaviour, telemetry tags.

export const WEEKDAYS = [1, 2, 3, 4, 5];
const dayShiftBreaks = [
  { name: "Break", startOffsetMinutes: 150, durationMinutes: 15 },
  { name: "Lunch", startOffsetMinutes: 300, durationMinutes: 30 },
];
export const early: TShiftDefinition = {
  name: "Early",
  weekdays: WEEKDAYS,
  startMinute: 6 * 60,
  durationMinutes: 480,
  breaks: dayShiftBreaks,
};
export const late: TShiftDefinition = { ...early, name: "Late", startMinute: 14 * 60 };

/** A machine of average health; each work center overrides what makes it different. */
export function profile(
  overrides: Partial<TWorkCenterProfile> & Pick<TWorkCenterProfile, "telemetry">,
): TWorkCenterProfile {
  return {
    meanTimeBetweenFailuresMinutes: 360,
    meanTimeToRepairMinutes: 25,
    failureReasons: [
      { code: "FAIL_MECH", weight: 4 },
      { code: "FAIL_ELEC", weight: 2 },
      { code: "JAM", weight: 2 },
    ],
    microStopsPerHour: 2.5,
    flowStopsPerHour: 1.2,
    meanFlowStopMinutes: 4.5,
    speedFactor: 0.92,
    scrapRate: 0.015,
    startupRejectRate: 0.08,
    startupWindowMinutes: 10,
    changeoverMinutes: 35,
    ...overrides,
  };
}

/** A sensor channel; `wearDrift` makes it creep up as the next failure approaches. */
export function channel(tag: string, unit: string, baseline: number, noise: number, wearDrift = 0): TTelemetryChannel {
  return { tag, unit, baseline, noise, wearDrift };
}

export const cncTelemetry = (spindleLoad: number, coolant: number) => [
  channel("spindle_load", "%", spindleLoad, 3, 0.12),
  channel("coolant_temperature", "°C", coolant, 0.8),
];
export const pressTelemetry = (pressure: number, pressureNoise: number, oil: number) => [
  channel("hydraulic_pressure", "bar", pressure, pressureNoise, 0.1),
  channel("oil_temperature", "°C", oil, 1.2, 0.06),
];
export const cncFailures = [
  { code: "TOOL_BREAK", weight: 4 },
  { code: "FAIL_MECH", weight: 3 },
  { code: "FAIL_ELEC", weight: 1 },
  { code: "JAM", weight: 1 },
];
export const pressFailures = [
  { code: "JAM", weight: 4 },
  { code: "FAIL_HYD", weight: 3 },
  { code: "FAIL_MECH", weight: 2 },
  { code: "FAIL_ELEC", weight: 1 },
];
export const pressBase = {
  microStopsPerHour: 6,
  meanTimeBetweenFailuresMinutes: 260,
  meanTimeToRepairMinutes: 20,
  failureReasons: pressFailures,
  changeoverMinutes: 28,
  scrapRate: 0.01,
  startupRejectRate: 0.05,
  telemetry: pressTelemetry(182, 4, 45),
};
