import { randomUUID } from "node:crypto";
import { type Tx, withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import {
  type TCanonicalEvent,
  type TOrderLifecycleEvent,
  ZCanonicalEvent,
} from "@gemba/domain/events/canonical-events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TPollContext } from "../framework/definition";
import { type TErpODataConfig, type TErpSecrets, ZErpODataConfig } from "./config";
import { erpODataConnector } from "./definition";
import { startFakeS4Service, type TFakeS4Service } from "./fake-s4-service";
import { ODataError } from "./odata-client";
import { s4Dataset, s4Order, sapTimestamp } from "./s4-dataset";
import type { TErpCursor } from "./sync-erp";

const ORDERS = 40;
const FIRST_CHANGE = new Date("2026-11-10T06:00:00.000Z");
const LAST_CHANGE = new Date(FIRST_CHANGE.getTime() + (ORDERS - 1) * 10 * 60_000);
const CREDENTIALS = { username: "GEMBA_COMM_USER", password: "Welcome1!" };
const TOKEN = "eyJhbGciOiJSUzI1NiJ9.test-token";

let db: TestDatabase;
let tenant: TenantFixture;
let press2: string;
let s4: TFakeS4Service;
const connectorId = randomUUID();

beforeAll(async () => {
  [db, s4] = await Promise.all([
    createTestDatabase(),
    startFakeS4Service({ basic: CREDENTIALS, bearerToken: TOKEN, maxPageSize: 50 }),
  ]);
  tenant = await createTenantFixture(db, "Sap");
  press2 = await withTenant(db.app.prisma, tenant.tenantId, async (tx) => {
    const row = await tx.workCenter.create({
      data: { tenantId: tenant.tenantId, lineId: tenant.lineId, code: "PRESS-2", name: "Press 2", sequence: 2 },
    });
    return row.id;
  });

  const { products, orders } = s4Dataset({ orders: ORDERS, products: 5, firstChange: FIRST_CHANGE });
  for (const product of products) s4.products.set(String(product.Product), product);
  for (const order of orders) s4.orders.set(String(order.ManufacturingOrder), order);
  // Realistic trouble: a material nobody maintained, an unmapped work center, a decimal as a string,
  // and an order of another plant that the plant filter must keep out.
  Object.assign(s4.orders.get("1000107") ?? {}, { Material: "FG-999" });
  Object.assign(s4.orders.get("1000111") ?? {}, { WorkCenter: "LATHE09" });
  Object.assign(s4.orders.get("1000112") ?? {}, { MfgOrderPlannedTotalQty: "400.000" });
  s4.orders.set(
    "1000900",
    s4Order({
      order: "1000900",
      material: "FG-100",
      plant: "1020",
      workCenter: "PRESS01",
      quantity: 10,
      stage: "RELEASED",
      plannedStart: FIRST_CHANGE,
      changedAt: FIRST_CHANGE,
    }),
  );
});

afterAll(async () => {
  await Promise.all([db?.drop(), s4?.close()]);
});

function configFor(overrides: Partial<TErpODataConfig> = {}): TErpODataConfig {
  return ZErpODataConfig.parse({
    serviceUrl: s4.orderServiceUrl,
    productsEntitySet: `${s4.productServiceUrl}Product?$expand=_ProductDescription($filter=Language eq 'EN')`,
    plant: "1010",
    paging: "nextLink",
    pageSize: 7,
    authentication: "basic",
    requestTimeoutSeconds: 5,
    defaultIdealCycleTimeSeconds: 45,
    workCenters: [
      { erpWorkCenter: "PRESS01", workCenterId: tenant.workCenterId },
      { erpWorkCenter: "press02", workCenterId: press2 },
    ],
    ...overrides,
  });
}

function context(
  config: TErpODataConfig,
  cursor: TErpCursor | null,
  secrets: TErpSecrets = CREDENTIALS,
): TPollContext<TErpODataConfig, TErpSecrets, TErpCursor> {
  return {
    tenantId: tenant.tenantId,
    connectorId,
    sourceId: connectorId,
    config,
    secrets,
    cursor,
    signal: new AbortController().signal,
    inTenant: <T>(work: (tx: Tx) => Promise<T>) => withTenant(db.app.prisma, tenant.tenantId, work),
  };
}

const poll = (config: TErpODataConfig, cursor: TErpCursor | null, secrets?: TErpSecrets) => {
  const run = erpODataConnector.poll?.run;
  if (!run) throw new Error("the ERP connector must poll");
  return run(context(config, cursor, secrets));
};

const snapshot = () =>
  withTenant(db.app.prisma, tenant.tenantId, (tx) =>
    tx.productionOrder.findMany({
      where: { externalId: { startsWith: "1000" } },
      select: { externalId: true, updatedAt: true, status: true, quantity: true, workCenterId: true, startedAt: true },
      orderBy: { externalId: "asc" },
    }),
  );

const requestsSince = (start: number) => s4.requests.slice(start);
const lifecycle = (events: readonly TCanonicalEvent[]): TOrderLifecycleEvent[] =>
  events.flatMap((event) => (event.kind === "order.lifecycle" ? [event] : []));

let cursorAfterFirstSync: TErpCursor;

describe("ERP OData connector against an S/4HANA-shaped service", () => {
  it("first sync pages through everything and creates products and orders with correct counts", async () => {
    const start = s4.requests.length;
    const result = await poll(configFor(), null);

    expect(result.counts).toMatchObject({
      read: ORDERS,
      created: ORDERS - 1,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      productsRead: 5,
      productsCreated: 5,
      unmappedWorkCenterOrders: 1,
    });
    // 40 orders at 7 per page are 6 pages, linked by @odata.nextLink; the products fit in one.
    const orderRequests = requestsSince(start).filter((request) => request.path.endsWith("/ProductionOrder"));
    expect(orderRequests).toHaveLength(6);
    expect(orderRequests[0]?.query.$filter).toBe("ProductionPlant eq '1010'");
    expect(orderRequests[0]?.prefer).toBe("odata.maxpagesize=7");
    expect(orderRequests.slice(1).every((request) => request.query.$skiptoken !== undefined)).toBe(true);

    expect(result.rejected).toEqual([
      {
        stage: "mapping",
        reason: expect.stringMatching(/order 1000107: material "FG-999" is not a known product/),
        payload: expect.objectContaining({ ManufacturingOrder: "1000107", Material: "FG-999" }),
      },
    ]);
    expect(result.cursor).toEqual({ lastModified: LAST_CHANGE.toISOString() });
    expect(result.message).toMatch(/^40 orders read \(full sync\): 39 created, 0 updated, 0 unchanged, 1 rejected/);
    expect(result.message).toMatch(/LATHE09 \(1 order\)/);

    // Stages cycle CREATED, RELEASED, STARTED, TECO, RELEASED: every stored order reports the steps it took.
    const transitions = result.events
      .map((event) => ZCanonicalEvent.parse(event))
      .map((event) => event.kind === "order.lifecycle" && event.payload.transition);
    const stages = Array.from({ length: ORDERS }, (_, index) => index % 5).filter((_, index) => index !== 7);
    expect(transitions.filter((transition) => transition === "RELEASED")).toHaveLength(
      stages.filter((stage) => stage > 0).length,
    );
    expect(transitions.filter((transition) => transition === "STARTED")).toHaveLength(
      stages.filter((stage) => stage === 2 || stage === 3).length,
    );
    expect(transitions.filter((transition) => transition === "COMPLETED")).toHaveLength(
      stages.filter((stage) => stage === 3).length,
    );

    const stored = await snapshot();
    expect(stored).toHaveLength(ORDERS - 1);
    expect(stored.find((row) => row.externalId === "1000900")).toBeUndefined();
    expect(stored.find((row) => row.externalId === "1000101")).toMatchObject({
      status: "RELEASED",
      workCenterId: press2,
    });
    expect(stored.find((row) => row.externalId === "1000102")).toMatchObject({
      status: "IN_PROGRESS",
      workCenterId: tenant.workCenterId,
    });
    expect(stored.find((row) => row.externalId === "1000103")?.status).toBe("COMPLETED");
    expect(stored.find((row) => row.externalId === "1000111")?.workCenterId).toBeNull();
    expect(stored.find((row) => row.externalId === "1000112")?.quantity).toBe(400);
    const products = await withTenant(db.app.prisma, tenant.tenantId, (tx) =>
      tx.product.findMany({
        where: { sku: { startsWith: "FG-" } },
        orderBy: { sku: "asc" },
        select: { sku: true, name: true, idealCycleTimeSeconds: true },
      }),
    );
    expect(products.slice(0, 2)).toEqual([
      { sku: "FG-100", name: "Bracket 100", idealCycleTimeSeconds: 45 },
      { sku: "FG-101", name: "Bracket 101", idealCycleTimeSeconds: 12.5 },
    ]);
    cursorAfterFirstSync = result.cursor;
  });

  it("an immediate re-sync reports everything unchanged and writes no row", async () => {
    const before = await snapshot();
    const full = await poll(configFor(), null);
    expect(full.counts).toMatchObject({
      read: ORDERS,
      created: 0,
      updated: 0,
      unchanged: ORDERS - 1,
      rejected: 1,
      events: 0,
      productsUnchanged: 5,
    });
    expect(full.events).toEqual([]);

    // A delta right after re-reads only the overlap window before the watermark: the last order.
    const start = s4.requests.length;
    const delta = await poll(configFor(), cursorAfterFirstSync);
    expect(delta.counts).toMatchObject({ read: 1, created: 0, updated: 0, unchanged: 1, events: 0 });
    expect(delta.cursor).toEqual(cursorAfterFirstSync);
    const deltaFilter = requestsSince(start).find((request) => request.path.endsWith("/ProductionOrder"))?.query
      .$filter;
    expect(deltaFilter).toBe(
      `ProductionPlant eq '1010' and LastChangeDateTime gt ${new Date(LAST_CHANGE.getTime() - 5_000).toISOString()}`,
    );

    expect(await snapshot()).toEqual(before);
  });

  it("a delta run reads only the two changed orders, updates exactly those and emits their lifecycle events", async () => {
    const before = await snapshot();
    const changedAt = new Date(LAST_CHANGE.getTime() + 3_600_000);
    // 1000139 was released: now it has started. 1000105 (created) gets a new quantity.
    Object.assign(s4.orders.get("1000139") ?? {}, {
      OrderIsPartiallyConfirmed: true,
      MfgOrderActualStartDateTime: "2026-11-10T13:05:00Z",
      LastChangeDateTime: sapTimestamp(changedAt),
    });
    Object.assign(s4.orders.get("1000105") ?? {}, {
      MfgOrderPlannedTotalQty: 480,
      LastChangeDateTime: sapTimestamp(changedAt),
    });

    const result = await poll(configFor(), cursorAfterFirstSync);
    expect(result.counts).toMatchObject({
      read: 2,
      created: 0,
      updated: 2,
      unchanged: 0,
      rejected: 0,
      events: 2,
      productsRead: 0,
    });
    expect(result.cursor).toEqual({ lastModified: changedAt.toISOString() });
    expect(
      lifecycle(result.events).map((event) => [
        event.payload.orderExternalId,
        event.payload.transition,
        event.eventTime.toISOString(),
        event.dedupeKey,
      ]),
    ).toEqual([
      [
        "1000105",
        "QUANTITY_CHANGED",
        changedAt.toISOString(),
        `erp:1000105:QUANTITY_CHANGED:${changedAt.toISOString()}`,
      ],
      ["1000139", "STARTED", "2026-11-10T13:05:00.000Z", `erp:1000139:STARTED:${changedAt.toISOString()}`],
    ]);
    expect(lifecycle(result.events).find((event) => event.payload.orderExternalId === "1000139")?.workCenterId).toBe(
      press2,
    );

    const after = await snapshot();
    const changed = after.filter((row, index) => row.updatedAt.getTime() !== before[index]?.updatedAt.getTime());
    expect(changed.map((row) => row.externalId)).toEqual(["1000105", "1000139"]);
    expect(after.find((row) => row.externalId === "1000139")).toMatchObject({ status: "IN_PROGRESS" });
    expect(after.find((row) => row.externalId === "1000105")?.quantity).toBe(480);
  });

  it("pages with $skip/$top and authenticates with a bearer token", async () => {
    const start = s4.requests.length;
    const result = await poll(configFor({ paging: "skipTop", authentication: "bearer" }), null, { token: TOKEN });
    expect(result.counts).toMatchObject({ read: ORDERS, created: 0, updated: 0, unchanged: ORDERS - 1, rejected: 1 });
    const skips = requestsSince(start)
      .filter((request) => request.path.endsWith("/ProductionOrder"))
      .map((request) => [request.query.$top, request.query.$skip]);
    expect(skips).toEqual([
      ["7", "0"],
      ["7", "7"],
      ["7", "14"],
      ["7", "21"],
      ["7", "28"],
      ["7", "35"],
    ]);
  });

  it("a wrong password fails the run with a clear error and writes nothing", async () => {
    const before = await snapshot();
    const failure = poll(configFor(), null, { ...CREDENTIALS, password: "wrong" });
    await expect(failure).rejects.toBeInstanceOf(ODataError);
    await expect(failure).rejects.toMatchObject({
      code: "CREDENTIALS_REJECTED",
      retryable: false,
      message: expect.stringMatching(/rejected the credentials \(401\).*check the user and password/),
    });
    await expect(poll(configFor(), null, {})).rejects.toThrow(/no user and password are stored/);
    expect(await snapshot()).toEqual(before);
  });

  it("test() reports what it sees, or what is wrong", async () => {
    const signal = new AbortController().signal;
    const test = (config: TErpODataConfig, secrets: TErpSecrets = CREDENTIALS) =>
      erpODataConnector.test(
        { tenantId: tenant.tenantId, connectorId, sourceId: connectorId, config, secrets },
        signal,
      );

    const good = await test(configFor());
    expect(good).toMatchObject({ ok: true, summary: "Connected: 40 production orders in plant 1010 readable." });
    expect(good.details.join(" ")).toMatch(/First order 1000100: 100 × FG-100, PLANNED/);

    expect(await test(configFor(), { ...CREDENTIALS, password: "wrong" })).toMatchObject({
      ok: false,
      summary: expect.stringMatching(/rejected the credentials/),
    });
    expect(await test(configFor({ ordersEntitySet: "ProductionOrders" }))).toMatchObject({
      ok: false,
      summary: 'The service has no entity set "ProductionOrders".',
      details: ["It offers: ProductionOrder."],
    });
    expect(await test(configFor({ serviceUrl: `${s4.origin}/sap/opu/odata4/sap/api_wrong/0001/` }))).toMatchObject({
      ok: false,
      summary: expect.stringMatching(/Nothing found at .*api_wrong\/0001\/ \(404\): check the service URL/),
    });
    const closed = await startFakeS4Service();
    await closed.close();
    expect(await test(configFor({ serviceUrl: closed.orderServiceUrl }))).toMatchObject({
      ok: false,
      summary: expect.stringMatching(/^Cannot reach 127\.0\.0\.1:\d+: nothing listens on that port/),
    });
  });

  it("explains answers that are not OData V4 JSON, and gives up on a silent server", async () => {
    const read = (ordersEntitySet: string, overrides: Partial<TErpODataConfig> = {}) =>
      poll(configFor({ ordersEntitySet, productsEntitySet: undefined, ...overrides }), null);
    await expect(read("LoginPage")).rejects.toMatchObject({
      code: "BAD_RESPONSE",
      message: expect.stringMatching(/did not return OData JSON \(text\/html\): it answered "<html><head><title>Logon/),
    });
    await expect(read("V2Orders")).rejects.toMatchObject({
      message: expect.stringMatching(/OData V2 format; Gemba reads OData V4/),
    });
    await expect(read("Slow", { requestTimeoutSeconds: 1 })).rejects.toMatchObject({
      code: "TIMEOUT",
      retryable: true,
      message: expect.stringMatching(/did not answer within 1 s/),
    });
  });

  it("stops a nextLink loop instead of reading forever", async () => {
    await expect(
      poll(configFor({ ordersEntitySet: "BrokenPaging", plant: undefined, productsEntitySet: undefined }), null),
    ).rejects.toMatchObject({
      code: "TOO_MANY_PAGES",
    });
  });
});
