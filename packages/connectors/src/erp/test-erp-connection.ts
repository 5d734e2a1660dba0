import { isAppError } from "@gemba/domain/errors";
import type { TConnectionTestResult, TConnectorContext } from "../framework/definition";
import type { TErpODataConfig, TErpSecrets } from "./config";
import { entitySetUrl, erpClient, plantFilter, serviceRootUrl } from "./erp-service";
import { mapODataOrder, mapODataProduct } from "./map-records";
import { ODataError, type TODataClient, withQueryOptions } from "./odata-client";

/** Entity set names from an OData V4 service document (`{ value: [{ name, kind, url }] }`), if it is one. */
function entitySetsOf(document: unknown): string[] | null {
  const value = (document as { value?: unknown } | null)?.value;
  if (!Array.isArray(value)) return null;
  return value
    .filter((entry) => entry && typeof entry === "object" && (entry.kind === undefined || entry.kind === "EntitySet"))
    .map((entry) => String(entry.url ?? entry.name));
}

async function firstRow(client: TODataClient, url: string, filter: string | undefined) {
  const page = await client.getPage(withQueryOptions(url, { $filter: filter, $top: "1", $count: "true" }));
  return { row: page.rows[0], count: page.count };
}

/**
 * "Test connection": reads the service document, then one production order (with the total
 * count) and one product, and checks that they map. Never throws: every problem becomes a summary
 * the admin can act on.
 */
export async function testErpConnection(
  context: TConnectorContext<TErpODataConfig, TErpSecrets>,
  signal: AbortSignal,
): Promise<TConnectionTestResult> {
  const { config } = context;
  const details: string[] = [];
  try {
    const client = erpClient(config, context.secrets, signal);
    const sets = entitySetsOf(await client.getJson(serviceRootUrl(config.serviceUrl)));
    if (sets !== null) {
      const missing = [config.ordersEntitySet, config.productsEntitySet]
        .filter((name): name is string => Boolean(name) && !/^https?:/i.test(name ?? ""))
        .map((name) => name.split("?")[0] ?? name)
        .filter((name) => !sets.includes(name));
      if (missing.length > 0) {
        return {
          ok: false,
          summary: `The service has no entity set ${missing.map((name) => `"${name}"`).join(" or ")}.`,
          details: [`It offers: ${sets.join(", ") || "nothing"}.`],
        };
      }
      details.push(`Service document read: ${sets.length} entity sets.`);
    }

    const orders = await firstRow(
      client,
      entitySetUrl(config.serviceUrl, config.ordersEntitySet),
      plantFilter(config.plant),
    );
    const where = config.plant ? ` in plant ${config.plant}` : "";
    if (orders.row === undefined) {
      return { ok: true, summary: `Connected, but the ERP has no production orders${where} yet.`, details };
    }
    const mapped = mapODataOrder(orders.row);
    if (!mapped.ok) {
      return {
        ok: false,
        summary: `Connected, but the first production order cannot be read: ${mapped.reason}.`,
        details,
      };
    }
    const order = mapped.record;
    const mappedCodes = new Set(config.workCenters.map((entry) => entry.erpWorkCenter.trim().toUpperCase()));
    details.push(
      `First order ${order.externalId}: ${order.quantity} × ${order.sku}, ${order.status ?? "PLANNED"}, due ${order.dueAt.toISOString()}` +
        (order.erpWorkCenter
          ? `, work center ${order.erpWorkCenter} (${mappedCodes.has(order.erpWorkCenter.toUpperCase()) ? "mapped" : "not mapped yet"}).`
          : "."),
    );

    if (config.productsEntitySet) {
      const products = await firstRow(client, entitySetUrl(config.serviceUrl, config.productsEntitySet), undefined);
      const product = products.row === undefined ? null : mapODataProduct(products.row);
      if (product && !product.ok) {
        return { ok: false, summary: `Connected, but the first product cannot be read: ${product.reason}.`, details };
      }
      details.push(
        product
          ? `Products readable${products.count === null ? "" : ` (${products.count})`}; first: ${product.record.sku} ${product.record.name}.`
          : "The product entity set is empty.",
      );
    } else {
      details.push(
        "No product entity set: orders of materials Gemba does not know yet will be rejected until products are uploaded.",
      );
    }

    const total =
      orders.count === null ? "Production orders" : `${orders.count.toLocaleString("en")} production orders`;
    return { ok: true, summary: `Connected: ${total}${where} readable.`, details };
  } catch (error) {
    if (error instanceof ODataError || isAppError(error)) return { ok: false, summary: error.message, details };
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, summary: `The test failed unexpectedly: ${reason}`, details };
  }
}
