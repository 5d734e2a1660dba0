import {
  AttributeIds,
  type ClientSession,
  type DataValue,
  MessageSecurityMode,
  type OPCUAClient,
  resolveNodeId,
  VariableIds,
} from "node-opcua";
import type { TConnectionTestResult, TConnectorContext } from "../framework/definition";
import { OpcuaAbortedError, withTimeout } from "./bounded-wait";
import type { TOpcuaConfig, TOpcuaItem, TOpcuaSecrets } from "./config";
import { createOpcuaClient, SINGLE_ATTEMPT } from "./create-client";
import { describeStatus, metricValueOf } from "./data-value";
import { describeOpcuaError, errorMessage } from "./describe-error";
import { ONE_OFF_TIMEOUT_MS, OpcuaSettingsError, withOneOffSession } from "./one-off-session";

const policyName = (uri: string | null | undefined) => uri?.split("#")[1] ?? "None";

async function readServerDescription(
  session: ClientSession,
  client: OPCUAClient,
): Promise<{ name: string; details: string[] }> {
  const [product, version, manufacturer, build] = await session.read(
    [
      VariableIds.Server_ServerStatus_BuildInfo_ProductName,
      VariableIds.Server_ServerStatus_BuildInfo_SoftwareVersion,
      VariableIds.Server_ServerStatus_BuildInfo_ManufacturerName,
      VariableIds.Server_ServerStatus_BuildInfo_BuildNumber,
    ].map((id) => ({ nodeId: resolveNodeId(id), attributeId: AttributeIds.Value })),
  );
  const text = (dataValue: DataValue | undefined) =>
    dataValue?.statusCode.isGood() && typeof dataValue.value.value === "string" ? dataValue.value.value : undefined;
  const name = [text(product) ?? "an OPC UA server", text(version)].filter(Boolean).join(" ");
  const by = text(manufacturer);
  const endpoint = client.endpoint;
  return {
    name,
    details: [
      `Server: ${name}${by ? ` by ${by}` : ""}${text(build) ? `, build ${text(build)}` : ""}`,
      `Security: ${MessageSecurityMode[endpoint?.securityMode ?? client.securityMode]} / ${policyName(endpoint?.securityPolicyUri ?? client.securityPolicy)}`,
    ],
  };
}

/** Why a node cannot feed its item, or undefined when it can. */
function nodeProblem(item: TOpcuaItem, dataValue: DataValue | undefined): string | undefined {
  if (dataValue === undefined) return "no answer from the server";
  if (dataValue.statusCode.isNotGood()) return describeStatus(dataValue.statusCode);
  const read = metricValueOf(dataValue.value);
  if (!read.ok) return read.reason;
  const { value } = read;
  const isNumber = typeof value === "number" || typeof value === "bigint";
  if ((item.as === "count_total" || item.as === "count_good" || item.as === "scrap") && !isNumber) {
    return `holds ${JSON.stringify(value)}, not a counter`;
  }
  if (item.as === "telemetry" && !isNumber && typeof value !== "boolean") {
    return `holds ${JSON.stringify(value)}, not a number`;
  }
  return undefined;
}

async function checkItems(session: ClientSession, items: readonly TOpcuaItem[]): Promise<string[]> {
  const problems: string[] = [];
  const readable = items.filter((item) => {
    try {
      resolveNodeId(item.nodeId);
      return true;
    } catch (error) {
      problems.push(`${item.nodeId} (${item.as}): not a valid node id (${errorMessage(error)})`);
      return false;
    }
  });
  if (readable.length === 0) return problems;
  const values = await session.read(readable.map((item) => ({ nodeId: item.nodeId, attributeId: AttributeIds.Value })));
  readable.forEach((item, index) => {
    const problem = nodeProblem(item, values[index]);
    if (problem !== undefined) problems.push(`${item.nodeId} (${item.as}): ${problem}`);
  });
  return problems;
}

/** When no endpoint matches the configured security, list what the server does offer. */
async function offeredSecurity(config: TOpcuaConfig, signal: AbortSignal): Promise<string[]> {
  const client = createOpcuaClient(
    { securityMode: "None", securityPolicy: "None" },
    { connectionStrategy: SINGLE_ATTEMPT, clientName: "Gemba discovery" },
  );
  try {
    await withTimeout(client.connect(config.endpointUrl), 5000, "Connecting", signal);
    const endpoints = await withTimeout(client.getEndpoints(), 5000, "Reading endpoints", signal);
    const offered = new Set(
      endpoints.map((e) => `${MessageSecurityMode[e.securityMode]} / ${policyName(e.securityPolicyUri)}`),
    );
    return [`The server offers: ${[...offered].join(", ")}`];
  } catch {
    return [];
  } finally {
    await withTimeout(client.disconnect(), 2000, "Disconnecting").catch(() => undefined);
  }
}

/** The "Test connection" button: connect, say which server answered, check every configured node. */
export async function testOpcuaConnection(
  context: TConnectorContext<TOpcuaConfig, TOpcuaSecrets>,
  signal: AbortSignal,
): Promise<TConnectionTestResult> {
  const { config } = context;
  try {
    return await withOneOffSession(
      { settings: config, secrets: context.secrets, signal, timeoutMs: ONE_OFF_TIMEOUT_MS },
      async (session, client) => {
        const server = await readServerDescription(session, client);
        const problems = await checkItems(session, config.items);
        const nodes = new Set(config.items.map((item) => item.nodeId)).size;
        if (problems.length === 0) {
          return {
            ok: true,
            summary: `Connected to ${server.name}; all ${nodes} configured nodes are readable.`,
            details: server.details,
          };
        }
        return {
          ok: false,
          summary: `Connected to ${server.name}, but ${problems.length} of ${config.items.length} items cannot be read as configured: fix their node ids or mappings.`,
          details: [...server.details, ...problems],
        };
      },
    );
  } catch (error) {
    if (error instanceof OpcuaSettingsError) return { ok: false, summary: error.message, details: [] };
    if (error instanceof OpcuaAbortedError)
      return { ok: false, summary: "The connection test was cancelled.", details: [] };
    const summary = describeOpcuaError(error, config);
    const details = /Cannot find an Endpoint matching/i.test(errorMessage(error))
      ? await offeredSecurity(config, signal)
      : [];
    return { ok: false, summary, details };
  }
}
