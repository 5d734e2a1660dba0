import type { TConnectorDefinition } from "../framework/definition";
import {
  SIMULATOR_SERVICE_URL,
  type TCsvUploadConfig,
  type TCsvUploadSecrets,
  type TErpODataConfig,
  type TErpSecrets,
  ZCsvUploadConfig,
  ZCsvUploadSecrets,
  ZErpODataConfig,
  ZErpSecrets,
} from "./config";
import { ORDER_COLUMNS, PRODUCT_COLUMNS } from "./csv-columns";
import { syncErpOrders, type TErpCursor } from "./sync-erp";
import { testErpConnection } from "./test-erp-connection";

const PLACEHOLDER_WORK_CENTER = "00000000-0000-4000-8000-000000000000";

export const erpODataConnector: TConnectorDefinition<TErpODataConfig, TErpSecrets, TErpCursor> = {
  kind: "ERP_ODATA",
  label: "ERP production orders (OData)",
  description:
    "Syncs production orders and products from an OData V4 service shaped like SAP S/4HANA's production order API: delta by LastChangeDateTime, server or $skip/$top paging, basic or bearer authentication. Idempotent: a re-sync changes nothing that did not change; status changes become order lifecycle events.",
  configSchema: ZErpODataConfig,
  secretsSchema: ZErpSecrets,
  exampleConfig: {
    serviceUrl: SIMULATOR_SERVICE_URL,
    ordersEntitySet: "ProductionOrder",
    productsEntitySet:
      "http://127.0.0.1:4480/sap/opu/odata4/sap/api_product/srvd_a2x/sap/product/0002/Product?$expand=_ProductDescription",
    plant: "1010",
    paging: "nextLink",
    pageSize: 500,
    authentication: "basic",
    pollIntervalMinutes: 15,
    requestTimeoutSeconds: 30,
    defaultIdealCycleTimeSeconds: 60,
    workCenters: [{ erpWorkCenter: "PRESS01", workCenterId: PLACEHOLDER_WORK_CENTER }],
  },
  test: testErpConnection,
  poll: {
    intervalMs: (config) => config.pollIntervalMinutes * 60_000,
    run: syncErpOrders,
  },
};

const requiredColumns = (columns: typeof ORDER_COLUMNS | typeof PRODUCT_COLUMNS) =>
  columns
    .filter((column) => column.required)
    .map((column) => column.label)
    .join("; ");

export const csvUploadConnector: TConnectorDefinition<TCsvUploadConfig, TCsvUploadSecrets> = {
  kind: "CSV_UPLOAD",
  label: "CSV upload (orders, products)",
  description:
    "For plants that export files: upload production orders or products as CSV (comma, semicolon or tab separated, as Excel saves them). Good lines are imported idempotently; every bad line is reported with its number and reason.",
  configSchema: ZCsvUploadConfig,
  secretsSchema: ZCsvUploadSecrets,
  exampleConfig: {
    defaultKind: "orders",
    dateFormat: "auto",
    timeZone: "Europe/Berlin",
    defaultIdealCycleTimeSeconds: 60,
    workCenters: [{ erpWorkCenter: "PRESS01", workCenterId: PLACEHOLDER_WORK_CENTER }],
  },
  test: async () => ({
    ok: true,
    summary: "Nothing to connect to: files are uploaded on this connector's page in Admin → Connectors.",
    details: [
      `An orders file needs the columns ${requiredColumns(ORDER_COLUMNS)}; optional: start date, status, work center, release / actual start / actual end dates.`,
      `A products file needs ${requiredColumns(PRODUCT_COLUMNS)}; optional: ideal cycle time (seconds, or minutes when the header says so).`,
      "The first line is the header; upload products before the orders that use them.",
    ],
  }),
};
