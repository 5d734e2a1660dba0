import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real HTTP server speaking just enough OData V4, in the shape of SAP S/4HANA's production
 * order (CE_PRODUCTIONORDER_0001) and product (API_PRODUCT 0002) services, for tests: $filter
 * (eq/ne/gt/ge/lt/le joined by and), $orderby, $top/$skip, $count, server-driven paging with
 * `Prefer: odata.maxpagesize` and @odata.nextLink, $expand=_ProductDescription, basic and bearer
 * authentication. Rows live in plain maps the test edits between syncs.
 */

export const ORDER_SERVICE_PATH = "/sap/opu/odata4/sap/api_productionorder/srvd_a2x/sap/productionorder/0001/";
export const PRODUCT_SERVICE_PATH = "/sap/opu/odata4/sap/api_product/srvd_a2x/sap/product/0002/";

export type TS4Row = Record<string, unknown>;

export type TFakeS4Options = {
  basic?: { username: string; password: string };
  bearerToken?: string;
  /** Largest page the server sends, whatever the client asks for (SAP caps pages too). */
  maxPageSize?: number;
};

export type TFakeS4Service = {
  origin: string;
  orderServiceUrl: string;
  productServiceUrl: string;
  /** Production orders by ManufacturingOrder. */
  orders: Map<string, TS4Row>;
  /** Products by Product, each with its descriptions (`_ProductDescription`). */
  products: Map<string, TS4Row>;
  /** Path and decoded query of every request, for assertions on paging and delta filters. */
  requests: { path: string; query: Record<string, string>; prefer: string | null }[];
  close: () => Promise<void>;
};

type TComparison = { field: string; operator: string; value: string | number };

function parseLiteral(text: string): string | number {
  if (text.startsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** Enough of $filter for these tests: comparisons joined by `and`, optionally parenthesized. */
function parseFilter(filter: string): TComparison[] {
  return filter
    .split(/\s+and\s+/i)
    .map((clause) => clause.replace(/^\(+|\)+$/g, "").trim())
    .map((clause) => {
      const match = /^(\w+)\s+(eq|ne|gt|ge|lt|le)\s+(.+)$/.exec(clause);
      if (!match) throw new Error(`unsupported $filter clause "${clause}"`);
      return { field: match[1] ?? "", operator: match[2] ?? "", value: parseLiteral(match[3] ?? "") };
    });
}

function comparable(value: unknown, like: string | number): number | string {
  if (typeof like === "number") return Number(value);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value) && /^\d{4}-\d{2}-\d{2}T/.test(like)) {
    return Date.parse(value);
  }
  return String(value ?? "");
}

function matches(row: TS4Row, comparisons: TComparison[]): boolean {
  return comparisons.every(({ field, operator, value }) => {
    const left = comparable(row[field], value);
    const right = typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : value;
    switch (operator) {
      case "eq":
        return left === right;
      case "ne":
        return left !== right;
      case "gt":
        return left > right;
      case "ge":
        return left >= right;
      case "lt":
        return left < right;
      default:
        return left <= right;
    }
  });
}

function sortRows(rows: TS4Row[], orderBy: string): TS4Row[] {
  const keys = orderBy.split(",").map((part) => {
    const [field = "", direction = "asc"] = part.trim().split(/\s+/);
    return { field, sign: direction.toLowerCase() === "desc" ? -1 : 1 };
  });
  return [...rows].sort((a, b) => {
    for (const { field, sign } of keys) {
      const left = String(a[field] ?? "");
      const right = String(b[field] ?? "");
      if (left !== right) return left < right ? -sign : sign;
    }
    return 0;
  });
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, {
    "content-type": "application/json;odata.metadata=minimal",
    "odata-version": "4.0",
    ...headers,
  });
  response.end(JSON.stringify(body));
}

function odataError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
) {
  send(response, status, { error: { code, message } }, headers);
}

export async function startFakeS4Service(options: TFakeS4Options = {}): Promise<TFakeS4Service> {
  const orders = new Map<string, TS4Row>();
  const products = new Map<string, TS4Row>();
  const requests: TFakeS4Service["requests"] = [];
  const maxPageSize = options.maxPageSize ?? 1_000;

  const authorized = (request: IncomingMessage): boolean => {
    if (!options.basic && !options.bearerToken) return true;
    const header = request.headers.authorization ?? "";
    if (options.bearerToken && header === `Bearer ${options.bearerToken}`) return true;
    if (options.basic && header.startsWith("Basic ")) {
      const [user, ...rest] = Buffer.from(header.slice(6), "base64").toString().split(":");
      return user === options.basic.username && rest.join(":") === options.basic.password;
    }
    return false;
  };

  const collection = (request: IncomingMessage, response: ServerResponse, url: URL, source: Map<string, TS4Row>) => {
    const query = Object.fromEntries(url.searchParams);
    let rows = [...source.values()];
    if (query.$filter) rows = rows.filter((row) => matches(row, parseFilter(query.$filter ?? "")));
    if (query.$orderby) rows = sortRows(rows, query.$orderby);
    const total = rows.length;
    const skip = Number(query.$skiptoken ?? query.$skip ?? 0);
    const preferred = /odata\.maxpagesize=(\d+)/.exec(String(request.headers.prefer ?? ""))?.[1];
    const top = query.$top === undefined ? Number.POSITIVE_INFINITY : Number(query.$top);
    const page = rows.slice(skip, skip + Math.min(maxPageSize, Number(preferred ?? maxPageSize), top));
    // $expand=_ProductDescription, optionally ($filter=Language eq 'EN') as SAP clients ask for one language.
    const expand = /_ProductDescription(?:\(\$filter=Language eq '(\w+)'\))?/.exec(query.$expand ?? "");
    const language = expand?.[1];
    const value = page.map(({ _ProductDescription, ...row }) => {
      if (!expand) return row;
      const descriptions = Array.isArray(_ProductDescription) ? (_ProductDescription as TS4Row[]) : [];
      return { ...row, _ProductDescription: descriptions.filter((entry) => !language || entry.Language === language) };
    });
    const body: Record<string, unknown> = { "@odata.context": "$metadata#Collection", value };
    if (query.$count === "true") body["@odata.count"] = total;
    // Server-driven paging links the rest; a client paging with $top/$skip asks for it itself.
    if (query.$top === undefined && skip + page.length < total) {
      const next = new URL(url);
      next.searchParams.set("$skiptoken", String(skip + page.length));
      body["@odata.nextLink"] = `${next.pathname.split("/").pop()}${next.search}`;
    }
    send(response, 200, body);
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    requests.push({
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      prefer: typeof request.headers.prefer === "string" ? request.headers.prefer : null,
    });
    if (!authorized(request)) {
      odataError(response, 401, "/IWFND/CM_CONSUMER/101", "Logon failed", {
        "www-authenticate": 'Basic realm="SAP NetWeaver Application Server"',
      });
      return;
    }
    try {
      switch (url.pathname) {
        case ORDER_SERVICE_PATH:
          send(response, 200, {
            "@odata.context": "$metadata",
            value: [{ name: "ProductionOrder", url: "ProductionOrder" }],
          });
          return;
        case `${ORDER_SERVICE_PATH}ProductionOrder`:
          collection(request, response, url, orders);
          return;
        case PRODUCT_SERVICE_PATH:
          send(response, 200, { "@odata.context": "$metadata", value: [{ name: "Product", url: "Product" }] });
          return;
        case `${PRODUCT_SERVICE_PATH}Product`:
          collection(request, response, url, products);
          return;
        case `${ORDER_SERVICE_PATH}LoginPage`:
          response.writeHead(200, { "content-type": "text/html" });
          response.end("<html><head><title>Logon</title></head><body>SAP NetWeaver logon</body></html>");
          return;
        case `${ORDER_SERVICE_PATH}V2Orders`:
          send(response, 200, { d: { results: [] } });
          return;
        case `${ORDER_SERVICE_PATH}Slow`:
          // Never answers: the client's timeout must end the wait.
          return;
        case `${ORDER_SERVICE_PATH}BrokenPaging`:
          send(response, 200, { value: [{ ManufacturingOrder: "1" }], "@odata.nextLink": "BrokenPaging?$skiptoken=1" });
          return;
        default:
          odataError(
            response,
            404,
            "/IWBEP/CM_V4_RUNTIME/021",
            `Resource not found for segment '${url.pathname.split("/").pop()}'`,
          );
      }
    } catch (error) {
      odataError(response, 400, "/IWBEP/CM_V4_RUNTIME/000", error instanceof Error ? error.message : String(error));
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    orderServiceUrl: `${origin}${ORDER_SERVICE_PATH}`,
    productServiceUrl: `${origin}${PRODUCT_SERVICE_PATH}`,
    orders,
    products,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
