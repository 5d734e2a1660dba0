import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZCsvUploadConfig, ZErpODataConfig } from "./config";
import { entitySetUrl } from "./erp-service";
import { mapODataOrder, mapODataProduct } from "./map-records";
import { withQueryOptions } from "./odata-client";
import { s4Order, s4Product } from "./s4-dataset";

const plannedStart = new Date("2026-11-24T06:00:00Z");
const sapOrder = (overrides: Record<string, unknown> = {}) => ({
  ...s4Order({
    order: "1000123",
    material: "FG-100",
    plant: "1010",
    workCenter: "PRESS01",
    quantity: 500,
    stage: "STARTED",
    plannedStart,
    changedAt: new Date("2026-11-24T07:15:00Z"),
  }),
  ...overrides,
});

describe("mapODataOrder", () => {
  it("maps an S/4HANA production order", () => {
    expect(mapODataOrder(sapOrder())).toEqual({
      ok: true,
      record: {
        externalId: "1000123",
        sku: "FG-100",
        quantity: 500,
        status: "IN_PROGRESS",
        plannedStart: new Date("2026-11-24T06:30:00Z"),
        dueAt: new Date("2026-11-24T14:00:00Z"),
        releasedAt: new Date("2026-11-23T06:00:00Z"),
        startedAt: new Date("2026-11-24T06:35:00Z"),
        completedAt: null,
        erpWorkCenter: "PRESS01",
        lastChangedAt: new Date("2026-11-24T07:15:00Z"),
      },
    });
  });

  it("reads the statuses from SAP's flags, V2-style flags and decimals as strings included", () => {
    const status = (overrides: Record<string, unknown>) => {
      const mapped = mapODataOrder(
        sapOrder({ MfgOrderActualStartDateTime: null, OrderIsPartiallyConfirmed: false, ...overrides }),
      );
      return mapped.ok ? mapped.record.status : mapped.reason;
    };
    expect(status({ OrderIsReleased: false })).toBe("PLANNED");
    expect(status({})).toBe("RELEASED");
    expect(status({ OrderIsReleased: "X", OrderIsTechnicallyCompleted: "X" })).toBe("COMPLETED");
    expect(status({ OrderIsDeleted: true, OrderIsReleased: true })).toBe("CANCELLED");
    const decimal = mapODataOrder(
      sapOrder({ MfgOrderPlannedTotalQty: "1200.000", ManufacturingOrder: "000001000123" }),
    );
    expect(decimal.ok && [decimal.record.externalId, decimal.record.quantity]).toEqual(["1000123", 1200]);
  });

  it("says which field and value make a row unusable", () => {
    const reasons = [
      sapOrder({ Material: "" }),
      sapOrder({ MfgOrderPlannedTotalQty: 12.5 }),
      sapOrder({ LastChangeDateTime: "2026-11-24T07:15:00" }),
      sapOrder({ MfgOrderPlannedEndDateTime: null, MfgOrderScheduledEndDateTime: null }),
      sapOrder({ OrderIsReleased: "maybe" }),
    ].map((row) => {
      const mapped = mapODataOrder(row);
      return mapped.ok ? "mapped" : mapped.reason;
    });
    expect(reasons).toEqual([
      "order 1000123: Material is missing",
      "order 1000123: MfgOrderPlannedTotalQty 12.5 is not a whole number of units (Gemba counts pieces)",
      'order 1000123: LastChangeDateTime "2026-11-24T07:15:00" is not a date-time with a time zone offset',
      "order 1000123: MfgOrderPlannedEndDateTime and MfgOrderScheduledEndDateTime are both empty: the order has no due date",
      'order 1000123: OrderIsReleased "maybe" is not a flag (true/false)',
    ]);
    const rejected = mapODataOrder(sapOrder({ Material: "" }));
    expect(rejected.ok === false && rejected.payload).toMatchObject({ ManufacturingOrder: "1000123" });
  });
});

describe("mapODataProduct", () => {
  it("names products from an expanded description and reads a custom cycle time field", () => {
    expect(mapODataProduct(s4Product(1, new Date()))).toEqual({
      ok: true,
      record: { sku: "FG-101", name: "Halter 101", idealCycleTimeSeconds: 12.5 },
    });
    expect(mapODataProduct({ Product: "FG-7", ProductDescription: "Plate" })).toEqual({
      ok: true,
      record: { sku: "FG-7", name: "Plate" },
    });
    expect(mapODataProduct({ Product: "FG-8" })).toEqual({ ok: true, record: { sku: "FG-8", name: "FG-8" } });
    expect(mapODataProduct({ Product: "FG-9", IdealCycleTimeSeconds: -3 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/ideal cycle time -3/),
    });
  });
});

describe("connector configuration", () => {
  it("renders as a JSON schema form, with work centers marked for the picker", () => {
    const schema = z.toJSONSchema(ZErpODataConfig, { io: "input" }) as {
      properties: Record<string, { items?: { properties: Record<string, unknown> } }>;
    };
    expect(schema.properties.workCenters?.items?.properties.workCenterId).toMatchObject({
      widget: "workCenter",
      format: "uuid",
    });
    expect(schema.properties.serviceUrl).toMatchObject({ title: "Service URL" });
    expect(() => z.toJSONSchema(ZCsvUploadConfig, { io: "input" })).not.toThrow();
  });

  it("refuses a work center mapped twice and an unknown time zone", () => {
    const id = "33333333-3333-4333-8333-333333333333";
    const config = ZErpODataConfig.safeParse({
      serviceUrl: "http://127.0.0.1:4480/x/",
      workCenters: [
        { erpWorkCenter: "PRESS01", workCenterId: id },
        { erpWorkCenter: "press01", workCenterId: id },
      ],
    });
    expect(config.success).toBe(false);
    expect(config.error?.issues[0]?.message).toBe("ERP work center PRESS01 is mapped twice");
    expect(ZErpODataConfig.safeParse({ serviceUrl: "http://erp/", plant: "", productsEntitySet: "" }).success).toBe(
      true,
    );
    expect(ZErpODataConfig.safeParse({ serviceUrl: "ftp://erp/" }).success).toBe(false);
    expect(ZCsvUploadConfig.safeParse({ timeZone: "Mars/Olympus" }).success).toBe(false);
    expect(ZCsvUploadConfig.parse({})).toMatchObject({ defaultKind: "orders", dateFormat: "auto", timeZone: "UTC" });
  });
});

describe("OData URLs", () => {
  it("encodes query options for OData (spaces as %20, plus signs kept) and and-s a $filter", () => {
    const url = withQueryOptions(
      "http://erp/svc/Product?$expand=_ProductDescription&$filter=ProductType%20eq%20'FERT'",
      {
        $filter: "LastChangeDateTime gt 2026-11-24T07:15:00+01:00",
        $top: "1",
      },
    );
    expect(url).toBe(
      "http://erp/svc/Product?$expand=_ProductDescription&$filter=(ProductType%20eq%20%27FERT%27)%20and%20(LastChangeDateTime%20gt%202026-11-24T07%3A15%3A00%2B01%3A00)&$top=1",
    );
  });

  it("resolves entity sets against the service root and keeps sap-client", () => {
    expect(entitySetUrl("https://s4.example.com/sap/opu/odata4/sap/svc/0001?sap-client=100", "ProductionOrder")).toBe(
      "https://s4.example.com/sap/opu/odata4/sap/svc/0001/ProductionOrder?sap-client=100",
    );
    expect(entitySetUrl("https://s4.example.com/a/", "https://other.example.com/b/Product")).toBe(
      "https://other.example.com/b/Product",
    );
  });
});
