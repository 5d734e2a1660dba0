import { randomBytes, randomInt } from "node:crypto";
import { seedDemoConnectors } from "@gemba/connectors/demo/seed-demo-connectors";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { startSimulator, type TRunningSimulator } from "@gemba/simulator/start-simulator";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker, waitUntil } from "../testing/test-worker";

/**
 * The demo's promise, end to end: the plant simulator speaks Sparkplug B (through Mosquitto),
 * MTConnect and OPC UA; the demo connectors configured for it run in the worker; events from all
 * three protocols land in the tenant's event table.
 */
let db: TestDatabase;
let tenant: TenantFixture;
let simulator: TRunningSimulator;
let worker: TestWorker;
const codes = ["CNC-101", "PRS-201", "PRS-202"];

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = await createTenantFixture(db, "Simulated plant");
  await withTenant(db.app.prisma, tenant.tenantId, async (tx) => {
    for (const [index, code] of codes.entries()) {
      await tx.workCenter.create({
        data: { tenantId: tenant.tenantId, lineId: tenant.lineId, code, name: code, sequence: index + 10 },
      });
    }
  });
  simulator = await startSimulator({
    speed: 60,
    tickMs: 100,
    telemetryIntervalMs: 500,
    groupId: `Riverside-${randomBytes(3).toString("hex")}`,
    mtconnectPort: 0,
    opcuaPort: randomInt(42_000, 48_000),
    logger: pino({ level: "silent" }),
  });
  expect(simulator.problems).toEqual([]);
});

afterAll(async () => {
  await worker?.stop();
  await simulator?.stop();
  await db.drop();
});

describe("the demo plant flows through real protocols into events", () => {
  it("stores events from the Sparkplug, MTConnect and OPC UA connectors", async () => {
    const { sparkplug, mtconnect, opcua } = simulator.endpoints;
    if (!sparkplug || !mtconnect || !opcua) throw new Error("the simulator did not start every protocol");
    const seeded = await seedDemoConnectors(db.app, tenant.tenantId, {
      mqttUrl: sparkplug.brokerUrl,
      sparkplugGroup: sparkplug.groupId,
      mtconnectUrl: mtconnect.url,
      opcuaUrl: opcua.endpointUrl,
    });
    expect(seeded.created).toBe(3);
    const connectors = await withTenant(db.app.prisma, tenant.tenantId, (tx) =>
      tx.connector.findMany({ select: { id: true, kind: true } }),
    );

    worker = await startTestWorker(db.app, { secretsKey: randomBytes(32), runConnectors: { reconcileEveryMs: 1_000 } });
    const kindsWithEvents = async () => {
      const rows = await withTenant(db.app.prisma, tenant.tenantId, (tx) =>
        tx.event.groupBy({
          by: ["sourceId", "kind"],
          where: { sourceId: { in: connectors.map((c) => c.id) } },
          _count: true,
        }),
      );
      return new Map(
        connectors.map((connector) => [
          connector.kind,
          rows.filter((row) => row.sourceId === connector.id).map((row) => row.kind),
        ]),
      );
    };
    await waitUntil(
      async () => [...(await kindsWithEvents()).values()].every((kinds) => kinds.includes("machine.state")),
      45_000,
      "machine states from every protocol",
    );
    const kinds = await kindsWithEvents();
    expect(kinds.get("MQTT_SPARKPLUG")).toEqual(expect.arrayContaining(["machine.state", "telemetry"]));
    expect(kinds.get("OPCUA")).toEqual(expect.arrayContaining(["machine.state"]));
    expect(kinds.get("MTCONNECT")).toEqual(expect.arrayContaining(["machine.state"]));

    // The polled connector leaves a run history with its counts; dead letters stay empty.
    const mtconnectId = connectors.find((c) => c.kind === "MTCONNECT")?.id;
    const runs = await withTenant(db.app.prisma, tenant.tenantId, (tx) =>
      tx.connectorRun.findMany({ where: { connectorId: mtconnectId }, orderBy: { startedAt: "asc" } }),
    );
    expect(runs[0]).toMatchObject({ status: "SUCCEEDED", trigger: "schedule" });
    const deadLetters = await withTenant(db.app.prisma, tenant.tenantId, (tx) => tx.deadLetter.count());
    expect(deadLetters).toBe(0);
  });
});
