import { type Tx, withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { AppError } from "@gemba/domain/errors";
import { ZCanonicalEvent } from "@gemba/domain/events/canonical-events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TCsvUploadConfig, ZCsvUploadConfig } from "./config";
import { importCsvFile } from "./csv-import";
import { csvUploadConnector } from "./definition";

let db: TestDatabase;
let tenant: TenantFixture;
let config: TCsvUploadConfig;
const sourceId = "csv-upload-test";
const now = new Date("2026-11-24T09:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = await createTenantFixture(db, "Csv");
  config = ZCsvUploadConfig.parse({
    timeZone: "Europe/Berlin",
    defaultIdealCycleTimeSeconds: 20,
    workCenters: [{ erpWorkCenter: "PRESSE-01", workCenterId: tenant.workCenterId }],
  });
});

afterAll(async () => {
  await db.drop();
});

const inTenant = <T>(work: (tx: Tx) => Promise<T>) => withTenant(db.app.prisma, tenant.tenantId, work);

// As Excel on a German Windows saves "CSV (Trennzeichen-getrennt)": BOM, semicolons, decimal commas, CRLF.
const PRODUCTS = [
  "\uFEFFMaterial;Materialkurztext;Taktzeit (s)",
  "HT-4711;Halter links;12,5",
  "HT-4712;Halter rechts;",
  "HT-4713;Deckel;schnell",
  "",
].join("\r\n");

const ORDERS = [
  "\uFEFFAuftrag;Material;Menge;Eckendtermin;Arbeitsplatz;Systemstatus",
  "1000200;HT-4711;500;24.11.2026;PRESSE-01;REL",
  "1000201;HT-4712;1.200;25.11.2026 14:00;PRESSE-01;REL PCNF",
  "1000202;HT-4711;80;31.11.2026;PRESSE-01;REL",
  "1000203;XX-0001;10;26.11.2026;PRESSE-01;REL",
  "1000204;HT-4712;40;27.11.2026;DREH-07;CRTD",
  "",
].join("\r\n");

const snapshot = () =>
  inTenant((tx) =>
    tx.productionOrder.findMany({
      where: { externalId: { startsWith: "10002" } },
      select: { externalId: true, updatedAt: true, status: true, quantity: true, workCenterId: true, dueAt: true },
      orderBy: { externalId: "asc" },
    }),
  );

describe("importCsvFile", () => {
  it("imports a products file and reports its bad line", async () => {
    const result = await inTenant((tx) =>
      importCsvFile(tx, { sourceId, kind: "products", text: PRODUCTS, config, now }),
    );
    expect(result.delimiter).toBe(";");
    expect(result.counts).toMatchObject({ read: 3, created: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(result.rejected).toEqual([
      {
        line: 4,
        reason: 'Taktzeit (s) "schnell" is not a number',
        payload: { Material: "HT-4713", Materialkurztext: "Deckel", "Taktzeit (s)": "schnell" },
      },
    ]);
    const products = await inTenant((tx) =>
      tx.product.findMany({
        where: { sku: { startsWith: "HT-" } },
        orderBy: { sku: "asc" },
        select: { sku: true, name: true, idealCycleTimeSeconds: true },
      }),
    );
    expect(products).toEqual([
      { sku: "HT-4711", name: "Halter links", idealCycleTimeSeconds: 12.5 },
      { sku: "HT-4712", name: "Halter rechts", idealCycleTimeSeconds: 20 },
    ]);
  });

  it("imports an orders file: good lines stored, every bad line reported with its number", async () => {
    const result = await inTenant((tx) => importCsvFile(tx, { sourceId, kind: "orders", text: ORDERS, config, now }));
    expect(result.counts).toEqual({
      read: 5,
      created: 3,
      updated: 0,
      unchanged: 0,
      rejected: 2,
      events: 3,
      unmappedWorkCenterOrders: 1,
    });
    expect(result.rejected.map(({ line, reason }) => [line, reason])).toEqual([
      [4, 'Eckendtermin "31.11.2026" is not a valid calendar date or time'],
      [5, expect.stringMatching(/^order 1000203: material "XX-0001" is not a known product/)],
    ]);
    expect(result.rejected[1]?.payload).toMatchObject({ Auftrag: "1000203", Material: "XX-0001" });
    expect(result.message).toBe(
      "5 order lines read: 3 created, 0 updated, 0 unchanged, 2 rejected; 3 lifecycle events; ERP work centers not mapped, orders stored without a work center: DREH-07 (1 order)",
    );
    expect(
      result.events
        .map((event) => ZCanonicalEvent.parse(event))
        .map((event) => event.kind === "order.lifecycle" && [event.payload.orderExternalId, event.payload.transition]),
    ).toEqual([
      ["1000200", "RELEASED"],
      ["1000201", "RELEASED"],
      ["1000201", "STARTED"],
    ]);
    expect(result.events[0]).toMatchObject({
      eventTime: now,
      dedupeKey: `erp:1000200:RELEASED:${now.toISOString()}`,
      workCenterId: tenant.workCenterId,
    });

    const stored = await snapshot();
    expect(stored.map((row) => [row.externalId, row.status, row.quantity, row.dueAt.toISOString()])).toEqual([
      ["1000200", "RELEASED", 500, "2026-11-24T22:59:59.000Z"],
      ["1000201", "IN_PROGRESS", 1200, "2026-11-25T13:00:00.000Z"],
      ["1000204", "PLANNED", 40, "2026-11-27T22:59:59.000Z"],
    ]);
    expect(stored.find((row) => row.externalId === "1000204")?.workCenterId).toBeNull();
  });

  it("uploading the same file again changes nothing", async () => {
    const before = await snapshot();
    const later = new Date(now.getTime() + 3_600_000);
    const result = await inTenant((tx) =>
      importCsvFile(tx, { sourceId, kind: "orders", text: ORDERS, config, now: later }),
    );
    expect(result.counts).toMatchObject({ read: 5, created: 0, updated: 0, unchanged: 3, rejected: 2, events: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a file without a recognisable header before writing anything", async () => {
    const headerless = "1000300;HT-4711;5;24.11.2026\r\n";
    const failure = inTenant((tx) => importCsvFile(tx, { sourceId, kind: "orders", text: headerless, config, now }));
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/needs a header line with the columns Order/),
    });
  });

  it("has nothing to connect to", async () => {
    const result = await csvUploadConnector.test(
      { tenantId: tenant.tenantId, connectorId: sourceId, sourceId, config, secrets: {} },
      new AbortController().signal,
    );
    expect(result.ok).toBe(true);
    expect(result.details[0]).toMatch(/Order \(or Order number, ManufacturingOrder\)/);
  });
});
