import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createUserSession } from "@gemba/auth/sessions";
import { startOpcuaTestServer } from "@gemba/connectors/opcua/testing/opcua-test-server";
import { openSecrets } from "@gemba/db/secrets/secrets-box";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { CONNECTORS_CHANGED_CHANNEL } from "@gemba/jobs/connector-events";
import { QUEUES } from "@gemba/jobs/constants";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../root";
import { createTestPlatform, type TestPlatform } from "../../testing/test-platform";

let db: TestDatabase;
let tenant: TenantFixture;
let platform: TestPlatform;
let agent: Server;
let agentUrl = "";

const PROBE = `<?xml version="1.0" encoding="UTF-8"?>
<MTConnectDevices xmlns="urn:mtconnect.org:MTConnectDevices:1.4">
  <Header creationTime="2026-11-24T10:00:00Z" sender="agent" instanceId="7" version="1.4.0" bufferSize="1024"/>
  <Devices><Device id="d1" name="CNC-101" uuid="cnc-101"><DataItems>
    <DataItem category="EVENT" id="avail" type="AVAILABILITY"/>
  </DataItems></Device></Devices>
</MTConnectDevices>`;

async function adminCaller() {
  const userId = tenant.users.ADMIN.userId;
  const sessionId = await createUserSession(db.app.prisma, { userId });
  return createCaller({
    db: db.app.prisma,
    session: { sessionId, userId, activeTenantId: tenant.tenantId },
    requestId: "connectors-test",
    platform,
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = await createTenantFixture(db, "Connectors");
  platform = createTestPlatform();
  agent = createServer((request, response) => {
    const ok = request.url === "/probe";
    response.writeHead(ok ? 200 : 404, { "content-type": "application/xml" });
    response.end(ok ? PROBE : "not found");
  });
  agent.listen(0, "127.0.0.1");
  await once(agent, "listening");
  agentUrl = `http://127.0.0.1:${(agent.address() as AddressInfo).port}`;
});

afterAll(async () => {
  agent.close();
  await platform.close();
  await db.drop();
});

describe("connector administration", () => {
  it("creates a connector with sealed secrets that no procedure returns, audited, and tells the worker", async () => {
    const api = await adminCaller();
    const notices: string[] = [];
    const subscriber = platform.redis.duplicate();
    await subscriber.subscribe(CONNECTORS_CHANGED_CHANNEL);
    subscriber.on("message", (_channel, message) => notices.push(message));

    const { connectorId } = await api.connectors.create({
      kind: "MQTT_SPARKPLUG",
      name: "Line 1 broker",
      config: { brokerUrl: "mqtt://127.0.0.1:1883", groups: ["Riverside"] },
      secrets: { username: "edge", password: "s3cret-broker-password" },
    });

    const fetched = await api.connectors.get({ connectorId });
    expect(fetched.secretsSet).toEqual({ username: "set", password: "set" });
    expect(fetched.config).toMatchObject({ hostId: "gemba", groups: ["Riverside"], rules: [] });
    const everything = JSON.stringify([fetched, await api.connectors.list(), await api.admin.audit({})]);
    expect(everything).not.toContain("s3cret-broker-password");

    // The stored value is ciphertext bound to this tenant and connector.
    const row = await withTenant(db.app.prisma, tenant.tenantId, (tx) =>
      tx.connector.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.tenantId, id: connectorId } } }),
    );
    expect(row.secrets).not.toContain("s3cret");
    expect(openSecrets(platform.secretsKey, row.secrets ?? "", { tenantId: tenant.tenantId, connectorId })).toEqual({
      username: "edge",
      password: "s3cret-broker-password",
    });

    // Blank keeps, "" clears, a value replaces.
    await api.connectors.update({ connectorId, secrets: { password: "" } });
    expect((await api.connectors.get({ connectorId })).secretsSet).toEqual({ username: "set" });

    await api.connectors.setEnabled({ connectorId, enabled: false });
    expect((await api.connectors.get({ connectorId })).enabled).toBe(false);
    const audit = await api.admin.audit({});
    expect(audit.entries.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining(["connector.create", "connector.update", "connector.pause"]),
    );
    await expect.poll(() => notices.length, { timeout: 2_000 }).toBeGreaterThanOrEqual(3);
    expect(notices).toContain(connectorId);
    subscriber.disconnect();
  });

  it("rejects an invalid configuration with the field that is wrong and stores nothing", async () => {
    const api = await adminCaller();
    await expect(
      api.connectors.create({ kind: "MTCONNECT", name: "Broken", config: { agentUrl: "not a url" }, secrets: {} }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("agentUrl") });
    expect((await api.connectors.list()).some((connector) => connector.name === "Broken")).toBe(false);
    await expect(
      api.connectors.create({ kind: "MTCONNECT", name: "Line 1 broker", config: { agentUrl }, secrets: {} }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // A mapping to a work center this plant does not have would only surface later as dead letters.
    await expect(
      api.connectors.create({
        kind: "MTCONNECT",
        name: "Unknown machine",
        config: { agentUrl, devices: [{ device: "CNC-101", workCenterId: "00000000-0000-4000-8000-000000000000" }] },
        secrets: {},
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("devices.0.workCenterId") });
  });

  it("tests a connection with unsaved settings and explains a failure", async () => {
    const api = await adminCaller();
    const good = await api.connectors.test({
      kind: "MTCONNECT",
      config: { agentUrl, devices: [{ device: "CNC-101", workCenterId: tenant.workCenterId }] },
      secrets: {},
    });
    expect(good).toMatchObject({ ok: true });
    expect(good.details.join(" ")).toContain("CNC-101");

    const missingDevice = await api.connectors.test({
      kind: "MTCONNECT",
      config: { agentUrl, devices: [{ device: "Mazak", workCenterId: tenant.workCenterId }] },
      secrets: {},
    });
    expect(missingDevice).toMatchObject({ ok: false, summary: expect.stringContaining("Mazak") });

    const unreachable = await api.connectors.test({
      kind: "MTCONNECT",
      config: { agentUrl: "http://127.0.0.1:9" },
      secrets: {},
    });
    expect(unreachable.ok).toBe(false);
    expect(unreachable.summary).toContain("Could not reach");
  });

  it("queues a manual sync for polled connectors only, and retries dead letters through ingest", async () => {
    const api = await adminCaller();
    const { connectorId } = await api.connectors.create({
      kind: "MTCONNECT",
      name: "CNC agent",
      config: { agentUrl, devices: [{ device: "CNC-101", workCenterId: tenant.workCenterId }] },
      secrets: {},
    });
    await api.connectors.syncNow({ connectorId });
    const polls = await platform.queues.get(QUEUES.connectors).getJobs(["waiting", "delayed"]);
    expect(polls.map((job) => job.data)).toContainEqual({ tenantId: tenant.tenantId, connectorId, trigger: "manual" });

    const [streaming] = (await api.connectors.list()).filter((connector) => connector.kind === "MQTT_SPARKPLUG");
    await expect(api.connectors.syncNow({ connectorId: streaming?.id ?? "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const letter = await withTenant(db.app.prisma, tenant.tenantId, (tx) =>
      tx.deadLetter.create({
        data: {
          tenantId: tenant.tenantId,
          connectorId,
          sourceId: connectorId,
          batchId: "b1",
          position: 0,
          stage: "mapping",
          reason: "unknown work center",
          payload: {
            kind: "machine.state",
            workCenterId: tenant.workCenterId,
            eventTime: "2026-11-24T10:00:00Z",
            dedupeKey: "k1",
            payload: { state: "RUNNING" },
          },
        },
      }),
    );
    const open = await api.connectors.deadLetters({ connectorId });
    expect(open.letters.map((entry) => entry.id)).toContain(letter.id.toString());

    await api.connectors.retryDeadLetters({ deadLetterIds: [letter.id.toString()] });
    const ingest = await platform.queues.get(QUEUES.ingest).getJobs(["waiting", "delayed"]);
    expect(ingest.map((job) => job.data)).toContainEqual(
      expect.objectContaining({ connectorId, items: [expect.objectContaining({ dedupeKey: "k1" })] }),
    );
    expect((await api.connectors.deadLetters({ connectorId })).letters).toHaveLength(0);
    await expect(api.connectors.retryDeadLetters({ deadLetterIds: [letter.id.toString()] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("is for admins only", async () => {
    const sessionId = await createUserSession(db.app.prisma, { userId: tenant.users.MANAGER.userId });
    const manager = createCaller({
      db: db.app.prisma,
      session: { sessionId, userId: tenant.users.MANAGER.userId, activeTenantId: tenant.tenantId },
      requestId: "manager",
      platform,
    });
    await expect(manager.connectors.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("imports an uploaded orders file, reports bad lines by number, and records the run", async () => {
    const api = await adminCaller();
    const { connectorId } = await api.connectors.create({
      kind: "CSV_UPLOAD",
      name: "ERP export",
      config: {},
      secrets: {},
    });
    const sku = (await withTenant(db.app.prisma, tenant.tenantId, (tx) => tx.product.findFirstOrThrow())).sku;
    const file = [
      "Order;Material;Quantity;Due date",
      `4711;${sku};120;2026-12-01`,
      `4712;NO-SUCH-SKU;5;2026-12-02`,
      "",
    ].join("\n");

    const first = await api.connectors.uploadCsv({ connectorId, kind: "orders", fileName: "orders.csv", text: file });
    expect(first.counts).toMatchObject({ created: 1 });
    expect(first.rejected).toEqual([
      expect.objectContaining({ line: 3, reason: expect.stringContaining("NO-SUCH-SKU") }),
    ]);

    const again = await api.connectors.uploadCsv({ connectorId, kind: "orders", fileName: "orders.csv", text: file });
    expect(again.counts).toMatchObject({ created: 0, unchanged: 1 });
    const runs = await api.connectors.runs({ connectorId });
    expect(runs).toHaveLength(2);
    expect(runs[1]).toMatchObject({ trigger: "upload", status: "SUCCEEDED" });
    expect(runs[1]?.message).toContain("line 3");
  });

  it("browses a real OPC UA server so the admin can pick nodes", async () => {
    const api = await adminCaller();
    const server = await startOpcuaTestServer();
    try {
      const settings = {
        endpointUrl: server.endpointUrl,
        securityMode: "None",
        securityPolicy: "None",
        authentication: "anonymous",
      };
      const root = await api.connectors.browseOpcua({ config: settings, secrets: {} });
      expect(root.ok).toBe(true);
      const state = await api.connectors.browseOpcua({ config: settings, secrets: {}, nodeId: server.nodeId("State") });
      expect(state.ok).toBe(true);
      await expect(
        api.connectors.browseOpcua({ config: { ...settings, endpointUrl: "http://wrong" }, secrets: {} }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("endpointUrl") });
    } finally {
      await server.dispose();
    }
  });
});
