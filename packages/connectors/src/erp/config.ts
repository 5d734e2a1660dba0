import { z } from "zod";

/** Where the demo plant simulator serves its S/4HANA-shaped production order API (OData V4). */
export const SIMULATOR_SERVICE_URL =
  "http://127.0.0.1:4480/sap/opu/odata4/sap/api_productionorder/srvd_a2x/sap/productionorder/0001/";

export const ZErpWorkCenterMapping = z.object({
  erpWorkCenter: z.string().trim().min(1).max(64).meta({
    title: "ERP work center",
    description: "The work center code as the ERP spells it (SAP: WorkCenter, e.g. PRESS01).",
  }),
  workCenterId: z.uuid().meta({ title: "Gemba work center", widget: "workCenter" }),
});

const ZWorkCenterMappings = z
  .array(ZErpWorkCenterMapping)
  .default([])
  .superRefine((entries, context) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      const code = entry.erpWorkCenter.trim().toUpperCase();
      if (seen.has(code)) {
        context.addIssue({
          code: "custom",
          path: [index, "erpWorkCenter"],
          message: `ERP work center ${code} is mapped twice`,
        });
      }
      seen.add(code);
    });
  })
  .meta({
    title: "Work centers",
    description:
      "Which ERP work center is which Gemba work center. Orders on an unmapped work center are still imported, without a work center, and the run reports the code.",
  });

const ZDefaultCycleTime = z.number().positive().max(86_400).default(60).meta({
  title: "Default ideal cycle time (seconds)",
  description: "Given to new products whose cycle time the source does not carry; edit it per product afterwards.",
});

export const ZErpODataConfig = z.object({
  serviceUrl: z.url({ protocol: /^https?$/ }).meta({
    title: "Service URL",
    description:
      "Root of the OData V4 service, e.g. https://my-s4.example.com/sap/opu/odata4/sap/api_productionorder/srvd_a2x/sap/productionorder/0001/",
  }),
  ordersEntitySet: z
    .string()
    .trim()
    .min(1)
    .default("ProductionOrder")
    .meta({ title: "Orders entity set", description: "Entity set of production orders (SAP: ProductionOrder)." }),
  // Optional texts accept "" (an emptied form field), meaning the same as absent.
  productsEntitySet: z.string().trim().optional().meta({
    title: "Products entity set",
    description:
      "Entity set of materials (Product, ProductDescription or _ProductDescription, LastChangeDateTime): a name in this service, or the full URL of another service's entity set with its own query options, e.g. SAP's …/api_product/srvd_a2x/sap/product/0002/Product?$expand=_ProductDescription. Leave empty to maintain products by CSV upload; orders of unknown materials are then rejected.",
  }),
  plant: z.string().trim().max(10).optional().meta({
    title: "Plant",
    description: "Only orders of this production plant (SAP: ProductionPlant, e.g. 1010). Empty: all plants.",
  }),
  paging: z.enum(["nextLink", "skipTop"]).default("nextLink").meta({
    title: "Paging",
    description:
      "nextLink: the server pages and links the next page (@odata.nextLink), as SAP does. skipTop: Gemba pages with $skip/$top, for servers that do not.",
  }),
  pageSize: z.int().min(1).max(5_000).default(500).meta({ title: "Rows per page" }),
  authentication: z.enum(["none", "basic", "bearer"]).default("basic").meta({
    title: "Authentication",
    description: "basic: user and password (SAP communication user); bearer: an OAuth access token.",
  }),
  pollIntervalMinutes: z.int().min(1).max(1_440).default(15).meta({ title: "Sync every (minutes)" }),
  requestTimeoutSeconds: z.int().min(1).max(300).default(30).meta({ title: "Request timeout (seconds)" }),
  defaultIdealCycleTimeSeconds: ZDefaultCycleTime,
  workCenters: ZWorkCenterMappings,
});
export type TErpODataConfig = z.infer<typeof ZErpODataConfig>;

export const ZErpSecrets = z.object({
  username: z.string().min(1).optional().meta({ title: "User" }),
  password: z.string().min(1).optional().meta({ title: "Password" }),
  token: z.string().min(1).optional().meta({ title: "Bearer token" }),
});
export type TErpSecrets = z.infer<typeof ZErpSecrets>;

export const ZCsvUploadConfig = z.object({
  defaultKind: z
    .enum(["orders", "products"])
    .default("orders")
    .meta({ title: "Usual file", description: "What the plant usually uploads; the upload form starts with it." }),
  dateFormat: z.enum(["auto", "DMY", "MDY"]).default("auto").meta({
    title: "Date format",
    description:
      "How to read dates like 03/04/2026: DMY (day first) or MDY (month first). auto: the file's own dates decide (a day above 12 gives it away). ISO dates (2026-11-24) and 24.11.2026 are always understood.",
  }),
  timeZone: z
    .string()
    .min(1)
    .default("UTC")
    .refine((zone) => isTimeZone(zone), { message: "not an IANA time zone (e.g. Europe/Berlin)" })
    .meta({
      title: "Time zone",
      description: "Zone of dates and times without an offset, usually the plant's (e.g. Europe/Berlin).",
    }),
  defaultIdealCycleTimeSeconds: ZDefaultCycleTime,
  workCenters: ZWorkCenterMappings,
});
export type TCsvUploadConfig = z.infer<typeof ZCsvUploadConfig>;

export const ZCsvUploadSecrets = z.object({});
export type TCsvUploadSecrets = z.infer<typeof ZCsvUploadSecrets>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
