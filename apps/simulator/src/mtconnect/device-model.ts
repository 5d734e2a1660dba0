import type { TReportedMachineState } from "@gemba/domain/events/canonical-events";

export type TCategory = "EVENT" | "SAMPLE" | "CONDITION";

export type TDataItemDefinition = {
  id: string;
  name?: string;
  /** UPPER_SNAKE as in the device model. */
  type: string;
  subType?: string;
  category: TCategory;
  units?: string;
  /** The observation's element name in streams documents (conditions use the level instead). */
  element: string;
};

export type TComponentDefinition = {
  /** The component type, used as the element name: Axes, Rotary, Controller, Path, Systems, Coolant. */
  element: string;
  id: string;
  name?: string;
  dataItems: TDataItemDefinition[];
  components: TComponentDefinition[];
};

export type TDeviceDefinition = {
  id: string;
  name: string;
  uuid: string;
  description: { manufacturer: string; model: string; serialNumber: string; text: string };
  dataItems: TDataItemDefinition[];
  components: TComponentDefinition[];
};

/** Data item ids: part of the simulator's contract (README.md), stable across versions. */
export const DATA_ITEM_IDS = {
  availability: "avail",
  emergencyStop: "estop",
  system: "system",
  controllerMode: "mode",
  execution: "exec",
  program: "program",
  partCount: "pcount",
  partCountBad: "pcount_bad",
  spindleSpeed: "S1speed",
  spindleLoad: "S1load",
  coolantTemperature: "cooltemp",
} as const;

const ids = DATA_ITEM_IDS;

/** Telemetry channel of the plant profile → data item id (the item's name is the channel's tag). */
export const TELEMETRY_DATA_ITEMS: Readonly<Record<string, string>> = {
  spindle_load: ids.spindleLoad,
  coolant_temperature: ids.coolantTemperature,
};

/** A lathe like the demo plant's Okuma LB3000, modelled the way a 1.4 agent describes one. */
export function cncDevice(code: string, machineName: string): TDeviceDefinition {
  const id = code.toLowerCase().replace(/[^a-z0-9]/g, "");
  const [manufacturer = "Okuma", ...model] = machineName.split(" ");
  return {
    id,
    name: code,
    uuid: `riverside-${id}`,
    description: {
      manufacturer,
      model: model.join(" ") || machineName,
      serialNumber: `RIV-${code}`,
      text: `${machineName}, simulated by Gemba`,
    },
    dataItems: [
      { id: ids.availability, name: "avail", type: "AVAILABILITY", category: "EVENT", element: "Availability" },
    ],
    components: [
      {
        element: "Axes",
        id: `${id}-axes`,
        name: "base",
        dataItems: [],
        components: [
          {
            element: "Rotary",
            id: `${id}-spindle`,
            name: "C",
            components: [],
            dataItems: [
              {
                id: ids.spindleSpeed,
                name: "spindle_speed",
                type: "ROTARY_VELOCITY",
                subType: "ACTUAL",
                category: "SAMPLE",
                units: "REVOLUTION/MINUTE",
                element: "RotaryVelocity",
              },
              {
                id: ids.spindleLoad,
                name: "spindle_load",
                type: "LOAD",
                category: "SAMPLE",
                units: "PERCENT",
                element: "Load",
              },
            ],
          },
        ],
      },
      {
        element: "Controller",
        id: `${id}-controller`,
        name: "controller",
        dataItems: [
          { id: ids.emergencyStop, name: "estop", type: "EMERGENCY_STOP", category: "EVENT", element: "EmergencyStop" },
          { id: ids.system, name: "system", type: "SYSTEM", category: "CONDITION", element: "System" },
        ],
        components: [
          {
            element: "Path",
            id: `${id}-path`,
            name: "path",
            components: [],
            dataItems: [
              {
                id: ids.controllerMode,
                name: "mode",
                type: "CONTROLLER_MODE",
                category: "EVENT",
                element: "ControllerMode",
              },
              { id: ids.execution, name: "execution", type: "EXECUTION", category: "EVENT", element: "Execution" },
              { id: ids.program, name: "program", type: "PROGRAM", category: "EVENT", element: "Program" },
              {
                id: ids.partCount,
                name: "part_count",
                type: "PART_COUNT",
                subType: "ALL",
                category: "EVENT",
                element: "PartCount",
              },
              {
                id: ids.partCountBad,
                name: "part_count_bad",
                type: "PART_COUNT",
                subType: "BAD",
                category: "EVENT",
                element: "PartCount",
              },
            ],
          },
        ],
      },
      {
        element: "Systems",
        id: `${id}-systems`,
        name: "systems",
        dataItems: [],
        components: [
          {
            element: "Coolant",
            id: `${id}-coolant`,
            name: "coolant",
            components: [],
            dataItems: [
              {
                id: ids.coolantTemperature,
                name: "coolant_temperature",
                type: "TEMPERATURE",
                category: "SAMPLE",
                units: "CELSIUS",
                element: "Temperature",
              },
            ],
          },
        ],
      },
    ],
  };
}

/** Every data item with the id of the component (or device) that owns it, depth first. */
export function listDataItems(device: TDeviceDefinition): Array<{ item: TDataItemDefinition; componentId: string }> {
  const owned = (componentId: string, items: TDataItemDefinition[]) => items.map((item) => ({ item, componentId }));
  const walk = (components: TComponentDefinition[]): Array<{ item: TDataItemDefinition; componentId: string }> =>
    components.flatMap((component) => [...owned(component.id, component.dataItems), ...walk(component.components)]);
  return [...owned(device.id, device.dataItems), ...walk(device.components)];
}

export type TConditionValue = { level: "NORMAL" | "FAULT"; nativeCode?: string; message?: string };
export type TControlValues = { execution: string; controllerMode: string; condition: TConditionValue };

const FAILURE_TEXT: Readonly<Record<string, string>> = {
  TOOL_BREAK: "Tool breakage detected",
  FAIL_MECH: "Mechanical failure",
  FAIL_ELEC: "Electrical failure",
  FAIL_HYD: "Hydraulic pressure fault",
  JAM: "Part jam in the chuck",
};

/**
 * How the controller shows a plant state. The platform's poller reads it back as: ACTIVE →
 * RUNNING; READY/WAIT → IDLE; a FAULT condition → DOWN "ALARM"; MANUAL mode → IDLE "MANUAL_MODE".
 */
export function controlValuesFor(state: TReportedMachineState, reasonCode: string): TControlValues {
  const normal: TConditionValue = { level: "NORMAL" };
  switch (state) {
    case "RUNNING":
      return { execution: "ACTIVE", controllerMode: "AUTOMATIC", condition: normal };
    case "IDLE":
      // A micro stop waits for the operator to press cycle start; a flow stop waits for material or space.
      return {
        execution: reasonCode === "MICRO_STOP" ? "READY" : "WAIT",
        controllerMode: "AUTOMATIC",
        condition: normal,
      };
    case "DOWN":
      return {
        execution: "STOPPED",
        controllerMode: "AUTOMATIC",
        condition: { level: "FAULT", nativeCode: reasonCode, message: FAILURE_TEXT[reasonCode] ?? reasonCode },
      };
    case "PLANNED_STOP":
      // A changeover: the setter works the machine by hand.
      return { execution: "READY", controllerMode: "MANUAL", condition: normal };
  }
}

/** An NC program name for a product: RC-SH-1040 → O1040. */
export function programFor(productSku: string): string {
  const digits = productSku.replace(/\D/g, "");
  return digits === "" ? "O0000" : `O${digits.slice(-4).padStart(4, "0")}`;
}
