import type { TReportedMachineState } from "@gemba/domain/events/canonical-events";

export type TStateWithReason = { state: TReportedMachineState; reasonCode?: string };

/**
 * MTConnect `Execution` → reported machine state, read the way a plant reads it:
 *
 * | Execution          | state   | reasonCode        | why                                                       |
 * |--------------------|---------|-------------------|-----------------------------------------------------------|
 * | ACTIVE             | RUNNING | –                 | a program is executing                                    |
 * | READY              | IDLE    | READY             | ready for cycle start, nobody pressed it                  |
 * | WAIT               | IDLE    | WAIT              | waiting on something external (door, bar feeder, robot)   |
 * | OPTIONAL_STOP      | IDLE    | OPTIONAL_STOP     | M01, a stop the programmer planned for a check            |
 * | PROGRAM_STOPPED    | IDLE    | PROGRAM_STOPPED   | M00, also written into the program on purpose             |
 * | PROGRAM_COMPLETED  | IDLE    | PROGRAM_COMPLETED | cycle ended, waiting for the next part                    |
 * | FEED_HOLD          | DOWN    | FEED_HOLD         | operator or controller held motion mid-cut: a stop        |
 * | INTERRUPTED        | DOWN    | INTERRUPTED       | execution broken off by an event outside the program      |
 * | STOPPED            | DOWN    | STOPPED           | unplanned stop (reset, alarm, e-stop)                     |
 * | UNAVAILABLE        | –       | –                 | nothing is known: the caller gets a "signal lost" marker  |
 *
 * Effective state of a device, in order of precedence:
 * 1. Execution ACTIVE → RUNNING (a machine that cuts is running, even with a minor fault raised);
 * 2. any Condition at FAULT → DOWN "ALARM";
 * 3. Execution maps to IDLE and ControllerMode is MANUAL / MANUAL_DATA_INPUT / EDIT → IDLE
 *    "MANUAL_MODE" (someone is jogging, setting up or editing: a different loss than waiting);
 * 4. otherwise the table above.
 */
export const EXECUTION_STATES: Readonly<Record<string, TStateWithReason>> = {
  ACTIVE: { state: "RUNNING" },
  READY: { state: "IDLE", reasonCode: "READY" },
  WAIT: { state: "IDLE", reasonCode: "WAIT" },
  OPTIONAL_STOP: { state: "IDLE", reasonCode: "OPTIONAL_STOP" },
  PROGRAM_STOPPED: { state: "IDLE", reasonCode: "PROGRAM_STOPPED" },
  PROGRAM_COMPLETED: { state: "IDLE", reasonCode: "PROGRAM_COMPLETED" },
  FEED_HOLD: { state: "DOWN", reasonCode: "FEED_HOLD" },
  INTERRUPTED: { state: "DOWN", reasonCode: "INTERRUPTED" },
  STOPPED: { state: "DOWN", reasonCode: "STOPPED" },
};

export const MANUAL_CONTROLLER_MODES: ReadonlySet<string> = new Set(["MANUAL", "MANUAL_DATA_INPUT", "EDIT"]);
export const CONTROLLER_MODES: ReadonlySet<string> = new Set([
  "AUTOMATIC",
  "SEMI_AUTOMATIC",
  "MANUAL",
  "MANUAL_DATA_INPUT",
  "EDIT",
]);

export type TDeviceStateInputs = { execution?: string; controllerMode?: string; faults: readonly string[] };

/** The state the device is in given what it last reported; undefined while Execution is unknown. */
export function deriveDeviceState(inputs: TDeviceStateInputs): TStateWithReason | undefined {
  const fromExecution = inputs.execution === undefined ? undefined : EXECUTION_STATES[inputs.execution];
  if (fromExecution?.state === "RUNNING") return fromExecution;
  if (inputs.faults.length > 0) return { state: "DOWN", reasonCode: "ALARM" };
  if (fromExecution === undefined) return undefined;
  const manual = inputs.controllerMode !== undefined && MANUAL_CONTROLLER_MODES.has(inputs.controllerMode);
  if (fromExecution.state === "IDLE" && manual) return { state: "IDLE", reasonCode: "MANUAL_MODE" };
  return fromExecution;
}
