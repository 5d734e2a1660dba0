import type { TComponentDefinition, TDataItemDefinition, TDeviceDefinition } from "./device-model";
import { listDataItems } from "./device-model";
import type { TRecord } from "./sample-buffer";

// MTConnect 1.4, the version most agents in plants still speak (and the poller's fixtures use).
const VERSION = "1.4.0";
const SENDER = "gemba-simulator";

export type THeaderInput = {
  instanceId: number;
  bufferSize: number;
  creationTime?: Date;
};

export type TStreamsHeaderInput = THeaderInput & { firstSequence: number; lastSequence: number; nextSequence: number };

const ENTITIES: Readonly<Record<string, string>> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => ENTITIES[character] ?? character);
}

function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join("");
}

function rootOpen(kind: "Devices" | "Streams" | "Error"): string {
  const urn = `urn:mtconnect.org:MTConnect${kind}:1.4`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<MTConnect${kind} xmlns:m="${urn}" xmlns="${urn}" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
    `xsi:schemaLocation="${urn} http://schemas.mtconnect.org/schemas/MTConnect${kind}_1.4.xsd">`
  );
}

function creationTime(input: THeaderInput): string {
  return (input.creationTime ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function dataItemXml(item: TDataItemDefinition, indent: string): string {
  const { id, name, type, subType, category, units } = item;
  return `${indent}<DataItem${attributes({ id, name, type, subType, category, units })}/>`;
}

function dataItemsXml(items: readonly TDataItemDefinition[], indent: string): string[] {
  if (items.length === 0) return [];
  return [`${indent}<DataItems>`, ...items.map((item) => dataItemXml(item, `${indent}  `)), `${indent}</DataItems>`];
}

function componentsXml(components: readonly TComponentDefinition[], indent: string): string[] {
  if (components.length === 0) return [];
  const inner = `${indent}  `;
  return [
    `${indent}<Components>`,
    ...components.flatMap((component) => [
      `${inner}<${component.element}${attributes({ id: component.id, name: component.name })}>`,
      ...dataItemsXml(component.dataItems, `${inner}  `),
      ...componentsXml(component.components, `${inner}  `),
      `${inner}</${component.element}>`,
    ]),
    `${indent}</Components>`,
  ];
}

/** The `/probe` answer: the device model. */
export function probeDocument(device: TDeviceDefinition, header: THeaderInput): string {
  const { manufacturer, model, serialNumber, text } = device.description;
  return [
    rootOpen("Devices"),
    `  <Header${attributes({
      creationTime: creationTime(header),
      sender: SENDER,
      instanceId: header.instanceId,
      version: VERSION,
      assetBufferSize: 0,
      assetCount: 0,
      bufferSize: header.bufferSize,
    })}/>`,
    "  <Devices>",
    `    <Device${attributes({ id: device.id, name: device.name, uuid: device.uuid })}>`,
    `      <Description${attributes({ manufacturer, model, serialNumber })}>${escapeXml(text)}</Description>`,
    ...dataItemsXml(device.dataItems, "      "),
    ...componentsXml(device.components, "      "),
    "    </Device>",
    "  </Devices>",
    "</MTConnectDevices>",
    "",
  ].join("\n");
}

function componentIndex(device: TDeviceDefinition): Map<string, { element: string; name?: string }> {
  const index = new Map<string, { element: string; name?: string }>([
    [device.id, { element: "Device", name: device.name }],
  ]);
  const walk = (components: readonly TComponentDefinition[]) => {
    for (const component of components) {
      index.set(component.id, component.name === undefined ? { element: component.element } : component);
      walk(component.components);
    }
  };
  walk(device.components);
  return index;
}

function observationXml(item: TDataItemDefinition, record: TRecord): string {
  const common = { dataItemId: item.id, timestamp: record.timestamp, name: item.name, sequence: record.sequence };
  if (item.category === "CONDITION") {
    const level = record.value.charAt(0) + record.value.slice(1).toLowerCase();
    const attrs = attributes({ ...common, type: item.type, nativeCode: record.nativeCode });
    return record.message === undefined
      ? `<${level}${attrs}/>`
      : `<${level}${attrs}>${escapeXml(record.message)}</${level}>`;
  }
  const attrs = attributes({ ...common, subType: item.subType });
  return `<${item.element}${attrs}>${escapeXml(record.value)}</${item.element}>`;
}

const CONTAINERS = [
  ["SAMPLE", "Samples"],
  ["EVENT", "Events"],
  ["CONDITION", "Condition"],
] as const;

/** A `/current` or `/sample` answer: the records grouped per component, in sequence order. */
export function streamsDocument(
  device: TDeviceDefinition,
  header: TStreamsHeaderInput,
  records: readonly TRecord[],
): string {
  const items = new Map(listDataItems(device).map((entry) => [entry.item.id, entry]));
  const components = componentIndex(device);
  const byComponent = new Map<string, Array<{ item: TDataItemDefinition; record: TRecord }>>();
  for (const record of [...records].sort((a, b) => a.sequence - b.sequence)) {
    const entry = items.get(record.dataItemId);
    if (entry === undefined) continue;
    const list = byComponent.get(entry.componentId) ?? [];
    list.push({ item: entry.item, record });
    byComponent.set(entry.componentId, list);
  }
  const streams = [...byComponent.entries()].flatMap(([componentId, observations]) => {
    const component = components.get(componentId) ?? { element: "Component" };
    const containers = CONTAINERS.flatMap(([category, container]) => {
      const inCategory = observations.filter(({ item }) => item.category === category);
      if (inCategory.length === 0) return [];
      return [
        `        <${container}>`,
        ...inCategory.map(({ item, record }) => `          ${observationXml(item, record)}`),
        `        </${container}>`,
      ];
    });
    return [
      `      <ComponentStream${attributes({ component: component.element, name: component.name, componentId })}>`,
      ...containers,
      "      </ComponentStream>",
    ];
  });
  return [
    rootOpen("Streams"),
    `  <Header${attributes({
      creationTime: creationTime(header),
      sender: SENDER,
      instanceId: header.instanceId,
      version: VERSION,
      bufferSize: header.bufferSize,
      nextSequence: header.nextSequence,
      firstSequence: header.firstSequence,
      lastSequence: header.lastSequence,
    })}/>`,
    "  <Streams>",
    `    <DeviceStream${attributes({ name: device.name, uuid: device.uuid })}>`,
    ...streams,
    "    </DeviceStream>",
    "  </Streams>",
    "</MTConnectStreams>",
    "",
  ].join("\n");
}

/** An MTConnectError document, as agents answer OUT_OF_RANGE, NO_DEVICE, INVALID_REQUEST… */
export function errorDocument(header: THeaderInput, errorCode: string, message: string): string {
  return [
    rootOpen("Error"),
    `  <Header${attributes({
      creationTime: creationTime(header),
      sender: SENDER,
      instanceId: header.instanceId,
      version: VERSION,
      bufferSize: header.bufferSize,
    })}/>`,
    "  <Errors>",
    `    <Error${attributes({ errorCode })}>${escapeXml(message)}</Error>`,
    "  </Errors>",
    "</MTConnectError>",
    "",
  ].join("\n");
}
