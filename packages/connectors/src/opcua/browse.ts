import {
  AttributeIds,
  BrowseDirection,
  type BrowseResult,
  type ClientSession,
  DataTypeIds,
  NodeClass,
  NodeClassMask,
  type NodeId,
  ObjectIds,
  type ReferenceDescription,
  resolveNodeId,
} from "node-opcua";
import type { TOpcuaSecrets } from "./config";
import { jsonValueOf } from "./data-value";
import { describeOpcuaError, errorMessage } from "./describe-error";
import { OpcuaSettingsError, type TOpcuaConnectionSettings, withOneOffSession } from "./one-off-session";

export type TOpcuaBrowseChild = {
  nodeId: string;
  /** Qualified, as OPC UA tools show it ("1:State"). */
  browseName: string;
  displayName: string;
  nodeClass: string;
  /** Variables only: the data type's name ("Double", "String", or a server-defined type). */
  dataType?: string;
  /** Variables only: the current value (JSON-safe), or the status the server gave instead. */
  value?: unknown;
  statusCode?: string;
};

export type TOpcuaBrowseResult =
  | { ok: true; nodeId: string; children: TOpcuaBrowseChild[]; truncated: boolean }
  | { ok: false; error: string };

// The admin UI lists children to pick from; a folder with thousands of tags is cut here, not in the browser.
const MAX_CHILDREN = 500;
const OBJECTS_FOLDER = `i=${ObjectIds.ObjectsFolder}`;

// DataTypeIds is a numeric enum: indexing it by id gives the type's name ("Double").
const standardDataTypeName = (id: number): string | undefined => DataTypeIds[id as DataTypeIds];

async function browseAll(
  session: ClientSession,
  nodeId: NodeId,
): Promise<{ references: ReferenceDescription[]; status: BrowseResult["statusCode"]; truncated: boolean }> {
  let result = await session.browse({
    nodeId,
    browseDirection: BrowseDirection.Forward,
    referenceTypeId: "HierarchicalReferences",
    includeSubtypes: true,
    nodeClassMask: NodeClassMask.Object | NodeClassMask.Variable,
    resultMask: 0x3f,
  });
  const status = result.statusCode;
  const references = [...(result.references ?? [])];
  while (result.continuationPoint && result.continuationPoint.length > 0 && references.length < MAX_CHILDREN) {
    result = await session.browseNext(result.continuationPoint, false);
    references.push(...(result.references ?? []));
  }
  const truncated = references.length > MAX_CHILDREN || (result.continuationPoint?.length ?? 0) > 0;
  // Continuation points hold server memory until released.
  if (result.continuationPoint && result.continuationPoint.length > 0) {
    await session.browseNext(result.continuationPoint, true).catch(() => undefined);
  }
  return { references: references.slice(0, MAX_CHILDREN), status, truncated };
}

/** Data types outside namespace 0 are the server's own; their browse names are their names. */
async function dataTypeNames(session: ClientSession, dataTypes: readonly NodeId[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const custom = dataTypes.filter((id) => {
    const standard = id.namespace === 0 && typeof id.value === "number" ? standardDataTypeName(id.value) : undefined;
    if (standard !== undefined) names.set(id.toString(), standard);
    return standard === undefined && !names.has(id.toString());
  });
  if (custom.length === 0) return names;
  const read = await session.read(custom.map((nodeId) => ({ nodeId, attributeId: AttributeIds.BrowseName })));
  read.forEach((dataValue, index) => {
    const id = custom[index];
    const name = (dataValue.value?.value as { name?: string } | null)?.name;
    if (id !== undefined) names.set(id.toString(), name ?? id.toString());
  });
  return names;
}

async function describeChildren(
  session: ClientSession,
  references: ReferenceDescription[],
): Promise<TOpcuaBrowseChild[]> {
  const variables = references.filter((reference) => reference.nodeClass === NodeClass.Variable);
  const reads = variables.flatMap((reference) => [
    { nodeId: reference.nodeId, attributeId: AttributeIds.DataType },
    { nodeId: reference.nodeId, attributeId: AttributeIds.Value },
  ]);
  const values = reads.length > 0 ? await session.read(reads) : [];
  const dataTypeIds = variables.flatMap((_, index) => {
    const id = values[index * 2]?.value?.value as NodeId | null | undefined;
    return id ? [id] : [];
  });
  const typeNames = await dataTypeNames(session, dataTypeIds);

  const variableDetails = new Map(
    variables.map((reference, index) => {
      const typeId = values[index * 2]?.value?.value as NodeId | null | undefined;
      const dataValue = values[index * 2 + 1];
      const details: Pick<TOpcuaBrowseChild, "dataType" | "value" | "statusCode"> = {
        ...(typeId ? { dataType: typeNames.get(typeId.toString()) ?? typeId.toString() } : {}),
        ...(dataValue?.statusCode.isGood()
          ? { value: jsonValueOf(dataValue.value?.value) }
          : { statusCode: dataValue?.statusCode.name ?? "unknown" }),
      };
      return [reference, details] as const;
    }),
  );
  return references.map((reference) => ({
    nodeId: reference.nodeId.toString(),
    browseName: reference.browseName.toString(),
    displayName: reference.displayName.text ?? reference.browseName.name ?? "",
    nodeClass: NodeClass[reference.nodeClass] ?? String(reference.nodeClass),
    ...variableDetails.get(reference),
  }));
}

/** Lists the objects and variables under a node (the Objects folder by default), for picking nodes to monitor. */
export async function browseOpcuaNode(input: {
  config: TOpcuaConnectionSettings;
  secrets: TOpcuaSecrets;
  nodeId?: string;
  signal?: AbortSignal;
}): Promise<TOpcuaBrowseResult> {
  const target = input.nodeId?.trim() || OBJECTS_FOLDER;
  let nodeId: NodeId;
  try {
    nodeId = resolveNodeId(target);
  } catch (error) {
    return { ok: false, error: `"${target}" is not a valid OPC UA node id (${errorMessage(error)}).` };
  }
  try {
    return await withOneOffSession(
      { settings: input.config, secrets: input.secrets, signal: input.signal },
      async (session) => {
        const browsed = await browseAll(session, nodeId);
        if (browsed.status.isNotGood()) {
          return { ok: false, error: `The server cannot browse ${target}: ${browsed.status.name}. Check the node id.` };
        }
        const children = await describeChildren(session, browsed.references);
        return { ok: true, nodeId: target, children, truncated: browsed.truncated };
      },
    );
  } catch (error) {
    return {
      ok: false,
      error: error instanceof OpcuaSettingsError ? error.message : describeOpcuaError(error, input.config),
    };
  }
}
