import type { TChecklistStepInput } from "@gemba/domain/checklists/checklist-steps";

/** A press start-up check as a manager would write it: a measured value with limits, a tick, a pass/fail. */
export const PRESS_STEPS: TChecklistStepInput[] = [
  {
    id: "die-temp",
    title: "Die temperature",
    instructions: "Read the pyrometer on the upper die after 10 minutes of heating.",
    input: { kind: "NUMBER", min: 180, max: 220, unit: "°C", decimals: 0 },
  },
  { id: "guard", title: "Light curtain and guard interlock tested", input: { kind: "CHECK" } },
  { id: "first-part", title: "First part matches the master sample", input: { kind: "PASS_FAIL" } },
  { id: "remarks", title: "Remarks", input: { kind: "TEXT", required: false } },
];

export function pressChecklist(name = "Press start-up check") {
  return {
    name,
    description: "Before the first stroke of a shift.",
    lineId: null,
    requireSignOff: true,
    steps: PRESS_STEPS,
  };
}

/** The smallest valid PNG (1×1, transparent), as bytes and as base64. */
export const TINY_PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
