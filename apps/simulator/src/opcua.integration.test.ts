import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AttributeIds,
  type ClientSession,
  type ClientSubscription,
  DataType,
  type DataValue,
  MessageSecurityMode,
  makeBrowsePath,
  OPCUACertificateManager,
  OPCUAClient,
  SecurityPolicy,
  StatusCodes,
  TimestampsToReturn,
} from "node-opcua";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type TRunningSimulator } from "./start-simulator";

const CONTRACT = {
  State: "ns=1;s=PRS-201.State",
  PartCount: "ns=1;s=PRS-201.PartCount",
  GoodCount: "ns=1;s=PRS-201.GoodCount",
  HydraulicPressure: "ns=1;s=PRS-201.HydraulicPressure",
};

let workDir = "";
let simulator: TRunningSimulator;
let endpointUrl = "";
const clients: OPCUAClient[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

async function connect(mode: MessageSecurityMode, policy: SecurityPolicy): Promise<ClientSession> {
  const client = OPCUAClient.create({
    applicationName: "gemba-simulator-test",
    securityMode: mode,
    securityPolicy: policy,
    endpointMustExist: false,
    connectionStrategy: { maxRetry: 1, initialDelay: 100, maxDelay: 500 },
    // Each run its own PKI: parallel runs never share (or race on) a certificate folder.
    clientCertificateManager: new OPCUACertificateManager({
      rootFolder: join(workDir, `client-pki-${clients.length}`),
      automaticallyAcceptUnknownCertificate: true,
    }),
  });
  clients.push(client);
  await client.connect(endpointUrl);
  return client.createSession();
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "gemba-simulator-opcua-"));
  simulator = await startSimulator({
    protocols: ["opcua"],
    opcuaPort: await freePort(),
    opcuaPkiDir: join(workDir, "server-pki"),
    speed: 3000,
    tickMs: 50,
    telemetryIntervalMs: 100,
    logger: pino({ level: "silent" }),
  });
  endpointUrl = simulator.endpoints.opcua?.endpointUrl ?? "";
  if (endpointUrl === "") throw new Error(`OPC UA server did not start: ${simulator.problems.join("; ")}`);
});

afterAll(async () => {
  for (const client of clients) await client.disconnect().catch(() => undefined);
  await simulator?.stop();
  await rm(workDir, { recursive: true, force: true });
});

const read = async (session: ClientSession, nodeIds: string[]): Promise<DataValue[]> =>
  session.read(nodeIds.map((nodeId) => ({ nodeId, attributeId: AttributeIds.Value })));

describe("the simulator's OPC UA server", () => {
  it("serves PRS-201 at the contract's node ids in namespace 1, browsable under Objects/Riverside/STP1", async () => {
    expect(endpointUrl).toMatch(/^opc\.tcp:\/\/127\.0\.0\.1:\d+$/);
    const session = await connect(MessageSecurityMode.None, SecurityPolicy.None);

    const [namespaces] = await read(session, ["ns=0;i=2255"]);
    expect(namespaces?.value.value).toEqual(["http://opcfoundation.org/UA/", "urn:gemba:simulator"]);

    const values = await read(session, Object.values(CONTRACT));
    for (const value of values) expect(value.statusCode).toBe(StatusCodes.Good);
    const [state, partCount, goodCount, pressure] = values;
    expect(state?.value.dataType).toBe(DataType.String);
    expect(["RUNNING", "IDLE", "DOWN", "PLANNED_STOP"]).toContain(state?.value.value);
    expect(partCount?.value.dataType).toBe(DataType.UInt32);
    expect(goodCount?.value.dataType).toBe(DataType.UInt32);
    expect(goodCount?.value.value).toBeLessThanOrEqual(partCount?.value.value);
    expect(pressure?.value.dataType).toBe(DataType.Double);
    expect(pressure?.value.value).toBeGreaterThan(100);

    const browsed = await session.translateBrowsePath(
      makeBrowsePath("RootFolder", "/Objects/1:Riverside/1:STP1/1:PRS-201/1:State"),
    );
    expect(browsed.statusCode).toBe(StatusCodes.Good);
    expect(browsed.targets?.[0]?.targetId.toString()).toBe(CONTRACT.State);
    expect(simulator.endpoints.opcua?.nodeIds).toMatchObject(CONTRACT);
  });

  it("moves: the counters climb between reads and a subscription hears state and count changes", async () => {
    const session = await connect(MessageSecurityMode.None, SecurityPolicy.None);
    const [before] = await read(session, [CONTRACT.PartCount]);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const [after] = await read(session, [CONTRACT.PartCount]);
    expect(after?.value.value).toBeGreaterThan(before?.value.value);
    expect(after?.sourceTimestamp?.getTime()).toBeGreaterThan(before?.sourceTimestamp?.getTime() ?? 0);

    const subscription: ClientSubscription = await session.createSubscription2({
      requestedPublishingInterval: 100,
      requestedMaxKeepAliveCount: 10,
      requestedLifetimeCount: 100,
      publishingEnabled: true,
    });
    const heard: Record<string, unknown[]> = { State: [], PartCount: [] };
    for (const name of ["State", "PartCount"] as const) {
      const item = await subscription.monitor(
        { nodeId: CONTRACT[name], attributeId: AttributeIds.Value },
        { samplingInterval: 100, queueSize: 100, discardOldest: true },
        TimestampsToReturn.Both,
      );
      item.on("changed", (value: DataValue) => heard[name]?.push(value.value.value));
    }
    const deadline = Date.now() + 20_000;
    while ((heard.State?.length ?? 0) < 3 || (heard.PartCount?.length ?? 0) < 3) {
      if (Date.now() > deadline) throw new Error(`too few changes heard: ${JSON.stringify(heard)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await subscription.terminate();
  });

  it("also accepts a signed and encrypted channel (Basic256Sha256)", async () => {
    const session = await connect(MessageSecurityMode.SignAndEncrypt, SecurityPolicy.Basic256Sha256);
    const [state] = await read(session, [CONTRACT.State]);
    expect(state?.statusCode).toBe(StatusCodes.Good);
  });
});
