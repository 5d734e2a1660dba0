import { z } from "zod";
import { attribute, childElementNames, childNodes, firstChild, parseXml, type TXmlNode } from "./xml-node";

export const ZDataItemCategory = z.enum(["EVENT", "SAMPLE", "CONDITION"]);
export type TDataItemCategory = z.infer<typeof ZDataItemCategory>;

export type TDataItem = {
  id: string;
  name?: string;
  /** UPPER_SNAKE as in the device model, e.g. EXECUTION, PART_COUNT, ROTARY_VELOCITY. */
  type: string;
  subType?: string;
  category: TDataItemCategory;
  units?: string;
  compositionId?: string;
  /** Components from the device down to the owner, each `Element:name` (or `Element:id` when unnamed). */
  componentPath: string[];
};

export type TComponent = {
  /** The element name is the component type: Controller, Path, Linear, Rotary, Systems… */
  element: string;
  id: string;
  name?: string;
  componentPath: string[];
  dataItems: TDataItem[];
};

export type TDevice = {
  /** `Agent` is the 2.x agent's own device; it reports connection status, not machine state. */
  element: "Device" | "Agent";
  id: string;
  uuid: string;
  name: string;
  dataItems: TDataItem[];
  /** Every component below the device, depth first, flattened so callers need not recurse. */
  components: TComponent[];
};

export type TProbeHeader = { instanceId: string; version?: string; bufferSize?: number; creationTime?: string };
export type TProbeDocument = { header: TProbeHeader; devices: TDevice[] };

/** Containers in the device model that hold configuration, not components or data items. */
const DEVICE_ELEMENTS = ["Device", "Agent"] as const;

function requireAttribute(node: TXmlNode, name: string, where: string): string {
  const value = attribute(node, name);
  if (value === undefined || value === "") throw new Error(`MTConnect probe: ${where} has no ${name} attribute`);
  return value;
}

function optionalNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function parseDataItem(node: TXmlNode, componentPath: string[]): TDataItem {
  const id = requireAttribute(node, "id", `a DataItem under ${componentPath.join("/") || "a device"}`);
  const category = ZDataItemCategory.safeParse(attribute(node, "category"));
  if (!category.success) throw new Error(`MTConnect probe: DataItem ${id} has no valid category`);
  const item: TDataItem = {
    id,
    type: requireAttribute(node, "type", `DataItem ${id}`),
    category: category.data,
    componentPath,
  };
  const name = attribute(node, "name");
  const subType = attribute(node, "subType");
  const units = attribute(node, "units");
  const compositionId = attribute(node, "compositionId");
  if (name !== undefined) item.name = name;
  if (subType !== undefined) item.subType = subType;
  if (units !== undefined) item.units = units;
  if (compositionId !== undefined) item.compositionId = compositionId;
  return item;
}

function parseDataItems(owner: TXmlNode, componentPath: string[]): TDataItem[] {
  return childNodes(owner, "DataItems").flatMap((list) =>
    childNodes(list, "DataItem").map((item) => parseDataItem(item, componentPath)),
  );
}

/** Walks `Components/*` recursively; any element there is a component, whatever its type. */
function collectComponents(owner: TXmlNode, parentPath: string[], into: TComponent[]): void {
  for (const container of childNodes(owner, "Components")) {
    for (const element of childElementNames(container)) {
      for (const node of childNodes(container, element)) {
        const id = requireAttribute(node, "id", `a ${element} component`);
        const name = attribute(node, "name");
        const componentPath = [...parentPath, `${element}:${name ?? id}`];
        const component: TComponent = { element, id, componentPath, dataItems: parseDataItems(node, componentPath) };
        if (name !== undefined) component.name = name;
        into.push(component);
        collectComponents(node, componentPath, into);
      }
    }
  }
}

function parseDevice(node: TXmlNode, element: TDevice["element"]): TDevice {
  const id = requireAttribute(node, "id", `a ${element}`);
  const components: TComponent[] = [];
  collectComponents(node, [], components);
  return {
    element,
    id,
    // 1.x agents accept a Device without uuid; the id is the next most stable key.
    uuid: attribute(node, "uuid") ?? id,
    name: attribute(node, "name") ?? id,
    dataItems: parseDataItems(node, []),
    components,
  };
}

/** Parses an MTConnectDevices document (the agent's `/probe` answer), versions 1.1 to 2.x. */
export function parseProbeDocument(xml: string): TProbeDocument {
  const root = firstChild(parseXml(xml), "MTConnectDevices");
  if (root === undefined) throw new Error("MTConnect probe: the document is not an MTConnectDevices document");
  const headerNode = firstChild(root, "Header");
  if (headerNode === undefined) throw new Error("MTConnect probe: the document has no Header");
  const header: TProbeHeader = { instanceId: requireAttribute(headerNode, "instanceId", "Header") };
  const version = attribute(headerNode, "version");
  const bufferSize = optionalNumber(attribute(headerNode, "bufferSize"));
  const creationTime = attribute(headerNode, "creationTime");
  if (version !== undefined) header.version = version;
  if (bufferSize !== undefined) header.bufferSize = bufferSize;
  if (creationTime !== undefined) header.creationTime = creationTime;

  const devices = childNodes(root, "Devices").flatMap((list) =>
    DEVICE_ELEMENTS.flatMap((element) => childNodes(list, element).map((node) => parseDevice(node, element))),
  );
  return { header, devices };
}

/** Every data item of a device, its own and its components', in document order. */
export function listDeviceDataItems(device: TDevice): TDataItem[] {
  return [...device.dataItems, ...device.components.flatMap((component) => component.dataItems)];
}

/** Index used by the mapper to find units and names: key `${deviceUuid}:${dataItemId}`. */
export function indexDataItems(probe: TProbeDocument): Map<string, TDataItem> {
  const index = new Map<string, TDataItem>();
  for (const device of probe.devices) {
    for (const item of listDeviceDataItems(device)) index.set(dataItemKey(device.uuid, item.id), item);
  }
  return index;
}

export function dataItemKey(deviceUuid: string, dataItemId: string): string {
  return `${deviceUuid}:${dataItemId}`;
}
