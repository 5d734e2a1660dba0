import type { ShiftInstance } from "../calendar/expand-shifts";
import type { TCanonicalEvent } from "../events/canonical-events";
import { buildCalendarBlocks } from "./calendar-blocks";
import { createEventLog, type SimulatedWorkCenter } from "./event-log";
import { MachineSimulation } from "./machine-simulation";
import { createRandom } from "./random";
import {
  type SimulatedOrder,
  type SimulatedOrderOutcome,
  type TWorkCenterProfile,
  ZWorkCenterProfile,
} from "./work-center-profile";

export type SimulateWorkCenterInput = {
  seed: number;
  workCenter: SimulatedWorkCenter;
  profile: TWorkCenterProfile;
  /** Shift instances covering [from, to), from expandShifts. */
  shifts: readonly ShiftInstance[];
  /** Run in this order; the first is already set up at `from`, each later one needs a changeover. */
  orders: readonly SimulatedOrder[];
  from: Date;
  to: Date;
  /** Defaults to "simulator". */
  sourceId?: string;
};

export type SimulateWorkCenterResult = {
  /** Sorted by event time. */
  events: TCanonicalEvent[];
  /** One per input order, in the same sequence. */
  orders: SimulatedOrderOutcome[];
};

/**
 * A stochastic, deterministic (per seed) history of one machine: states with reasons, counts
 * every 5 minutes of running, scrap, order starts and completions, telemetry every 15 minutes.
 */
export function simulateWorkCenter(input: SimulateWorkCenterInput): SimulateWorkCenterResult {
  const from = input.from.getTime();
  const to = input.to.getTime();
  const log = createEventLog(input.workCenter, input.sourceId ?? "simulator");
  const machine = new MachineSimulation(
    ZWorkCenterProfile.parse(input.profile),
    input.orders,
    createRandom(input.seed),
    log,
  );
  for (const block of buildCalendarBlocks(input.shifts, from, to)) {
    if (block.kind === "OFF") machine.enterOff(block.start);
    else if (block.kind === "BREAK") log.state(block.start, "PLANNED_STOP", "BREAK");
    else machine.work(block.start, block.end);
  }
  const events = log.events.sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime());
  return { events, orders: machine.outcomes };
}
