import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DataType,
  MessageSecurityMode,
  OPCUACertificateManager,
  OPCUAServer,
  SecurityPolicy,
  type StatusCode,
  StatusCodes,
  type UAVariable,
} from "node-opcua";

export const TEST_MACHINE_VARIABLES = {
  State: DataType.String,
  PartCount: DataType.UInt32,
  GoodCount: DataType.UInt32,
  HydraulicPressure: DataType.Double,
} as const;
export type TTestMachineVariable = keyof typeof TEST_MACHINE_VARIABLES;

type TStoredValue = { value: string | number; statusCode: StatusCode; sourceTimestamp: Date };

export type TOpcuaTestServerOptions = {
  /** A fixed port (to restart on); a free one when absent. */
  port?: number;
  /** Node ids are `ns=1;s=<machine>.<variable>`, under an object `ns=1;s=<machine>` in the Objects folder. */
  machine?: string;
  /** Username → password; empty means only anonymous sessions. */
  users?: Readonly<Record<string, string>>;
  allowAnonymous?: boolean;
  /** Offer only unsecured endpoints, to test a client asking for security the server lacks. */
  onlyUnsecured?: boolean;
};

export type TOpcuaTestServer = {
  readonly port: number;
  readonly endpointUrl: string;
  readonly machine: string;
  nodeId: (variable: TTestMachineVariable) => string;
  setState: (state: string) => void;
  /** Adds to the cumulative counters, as a press PLC does per stroke. */
  addParts: (total: number, good?: number) => void;
  setTelemetry: (value: number) => void;
  /** A Bad status on one variable, as servers report a lost link to the device behind it. */
  setBadStatus: (variable: TTestMachineVariable, statusCode?: StatusCode) => void;
  isRunning: () => boolean;
  /** Sessions currently open on the server. */
  sessionCount: () => number;
  /** Ends every subscription while sessions and connections stay up (as after a server-side lifetime expiry). */
  terminateSubscriptions: () => void;

  /** Starts again on the same port with the values (and source timestamps) it had, like a restarted gateway. */
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** Stops and removes the server's PKI folder. */
  dispose: () => Promise<void>;
};

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A real node-opcua server with one demo machine, for integration tests of the OPC UA connector. */
export async function startOpcuaTestServer(options: TOpcuaTestServerOptions = {}): Promise<TOpcuaTestServer> {
  const port = options.port ?? (await findFreePort());
  const machine = options.machine ?? "PRS-201";
  const users = options.users ?? {};
  // Each server keeps its own certificate: parallel test files must not race on one PKI folder, and a
  // restart reuses the certificate the client already trusts.
  const folder = await mkdtemp(join(tmpdir(), "gemba-opcua-test-server-"));
  const now = new Date();
  const good = StatusCodes.Good;
  const values = new Map<TTestMachineVariable, TStoredValue>([
    ["State", { value: "IDLE", statusCode: good, sourceTimestamp: now }],
    ["PartCount", { value: 0, statusCode: good, sourceTimestamp: now }],
    ["GoodCount", { value: 0, statusCode: good, sourceTimestamp: now }],
    ["HydraulicPressure", { value: 0, statusCode: good, sourceTimestamp: now }],
  ]);
  const variables = new Map<TTestMachineVariable, UAVariable>();
  let server: OPCUAServer | undefined;
  const nodeId = (variable: TTestMachineVariable) => `ns=1;s=${machine}.${variable}`;

  const publish = (variable: TTestMachineVariable) => {
    const stored = values.get(variable);
    const uaVariable = variables.get(variable);
    if (stored === undefined || uaVariable === undefined) return;
    const variant = { dataType: TEST_MACHINE_VARIABLES[variable], value: stored.value };
    uaVariable.setValueFromSource(variant, stored.statusCode, stored.sourceTimestamp);
  };
  const write = (variable: TTestMachineVariable, value: string | number) => {
    values.set(variable, { value, statusCode: StatusCodes.Good, sourceTimestamp: new Date() });
    publish(variable);
  };
  const current = (variable: TTestMachineVariable): number => Number(values.get(variable)?.value ?? 0);

  const start = async () => {
    if (server !== undefined) return;
    const created = new OPCUAServer({
      port,
      hostname: "127.0.0.1",
      serverCertificateManager: new OPCUACertificateManager({
        rootFolder: join(folder, "pki"),
        automaticallyAcceptUnknownCertificate: true,
      }),
      userCertificateManager: new OPCUACertificateManager({
        rootFolder: join(folder, "user-pki"),
        automaticallyAcceptUnknownCertificate: true,
      }),
      buildInfo: { productName: "Gemba OPC UA test server", manufacturerName: "Gemba", softwareVersion: "1.0.0" },
      allowAnonymous: options.allowAnonymous ?? true,
      userManager: { isValidUser: (username: string, password: string) => users[username] === password },
      ...(options.onlyUnsecured
        ? { securityModes: [MessageSecurityMode.None], securityPolicies: [SecurityPolicy.None] }
        : {}),
    });
    await created.initialize();
    const addressSpace = created.engine.addressSpace;
    if (addressSpace === null) throw new Error("the OPC UA test server has no address space");
    const namespace = addressSpace.getOwnNamespace();
    const device = namespace.addObject({
      organizedBy: addressSpace.rootFolder.objects,
      nodeId: `s=${machine}`,
      browseName: machine,
    });
    variables.clear();
    for (const [variable, dataType] of Object.entries(TEST_MACHINE_VARIABLES) as Array<
      [TTestMachineVariable, DataType]
    >) {
      variables.set(
        variable,
        namespace.addVariable({
          componentOf: device,
          nodeId: `s=${machine}.${variable}`,
          browseName: variable,
          dataType,
        }),
      );
      publish(variable);
    }
    await created.start();
    server = created;
  };

  const stop = async () => {
    const running = server;
    server = undefined;
    variables.clear();
    if (running) await running.shutdown(0);
  };

  await start();
  return {
    port,
    endpointUrl: `opc.tcp://127.0.0.1:${port}`,
    machine,
    nodeId,
    setState: (state) => write("State", state),
    addParts: (total, goodParts = total) => {
      write("PartCount", current("PartCount") + total);
      write("GoodCount", current("GoodCount") + goodParts);
    },
    setTelemetry: (value) => write("HydraulicPressure", value),
    setBadStatus: (variable, statusCode = StatusCodes.BadCommunicationError) => {
      const stored = values.get(variable);
      if (stored === undefined) return;
      values.set(variable, { ...stored, statusCode, sourceTimestamp: new Date() });
      publish(variable);
    },
    isRunning: () => server !== undefined,
    sessionCount: () => server?.engine.currentSessionCount ?? 0,
    terminateSubscriptions: () => {
      for (const session of server?.engine.getSessions() ?? []) {
        for (const subscription of session.publishEngine.subscriptions) subscription.terminate();
      }
    },

    start,
    stop,
    dispose: async () => {
      await stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
