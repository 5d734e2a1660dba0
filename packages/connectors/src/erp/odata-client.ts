/**
 * A small OData V4 reader: GET with authentication, timeouts and errors an admin can act on, and
 * reading a whole entity set page by page (server-driven @odata.nextLink, or $skip/$top).
 * Read-only on purpose: Gemba never writes to the ERP.
 */

export type TODataAuth =
  | { kind: "none" }
  | { kind: "basic"; username: string; password: string }
  | { kind: "bearer"; token: string };

export type TODataErrorCode =
  | "CREDENTIALS_REJECTED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "REQUEST_REJECTED"
  | "SERVER_ERROR"
  | "BAD_RESPONSE"
  | "UNREACHABLE"
  | "TIMEOUT"
  | "ABORTED"
  | "TOO_MANY_PAGES";

const RETRYABLE: ReadonlySet<TODataErrorCode> = new Set(["SERVER_ERROR", "UNREACHABLE", "TIMEOUT"]);

export class ODataError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly code: TODataErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "ODataError";
    this.retryable = RETRYABLE.has(code) || status === 429;
  }
}

export type TODataClientOptions = {
  auth: TODataAuth;
  /** Per request, including reading the body. */
  timeoutMs: number;
  /** Cancels every request of the client (a sync being stopped). */
  signal?: AbortSignal;
};

export type TODataRow = Record<string, unknown>;

export type TODataPage = { rows: TODataRow[]; nextLink: string | null; count: number | null };

export type TODataClient = {
  /** GET one URL and return its JSON body; throws ODataError. */
  getJson: (url: string, headers?: Record<string, string>) => Promise<unknown>;
  getPage: (url: string, headers?: Record<string, string>) => Promise<TODataPage>;
};

const BODY_PREVIEW_LENGTH = 160;

function preview(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > BODY_PREVIEW_LENGTH ? `${flat.slice(0, BODY_PREVIEW_LENGTH)}…` : flat || "(empty)";
}

/** The URL without its query string: short enough for a message, and never long filter expressions. */
function where(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

function authorization(auth: TODataAuth): string | undefined {
  if (auth.kind === "basic") return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`;
  if (auth.kind === "bearer") return `Bearer ${auth.token}`;
  return undefined;
}

/** OData servers explain refusals in `{ error: { message } }` (V4: a string; V2: `{ value }`). */
function serverMessage(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    const message = parsed.error?.message;
    if (typeof message === "string") return message;
    if (message && typeof message === "object" && typeof (message as { value?: unknown }).value === "string") {
      return (message as { value: string }).value;
    }
  } catch {
    // Not JSON: the caller shows a preview instead.
  }
  return null;
}

function httpError(url: string, status: number, statusText: string, body: string): ODataError {
  const said = serverMessage(body);
  const detail = said ? ` The server said: ${said}` : "";
  if (status === 401) {
    return new ODataError(
      "CREDENTIALS_REJECTED",
      `The server rejected the credentials (401) for ${where(url)}: check the user and password (or token) stored with this connector.${detail}`,
      status,
    );
  }
  if (status === 403) {
    return new ODataError(
      "FORBIDDEN",
      `The user may not read ${where(url)} (403): grant it read access to the production order API (in SAP S/4HANA, a communication arrangement for the production order service).${detail}`,
      status,
    );
  }
  if (status === 404) {
    return new ODataError(
      "NOT_FOUND",
      `Nothing found at ${where(url)} (404): check the service URL and the entity set name.${detail}`,
      status,
    );
  }
  if (status >= 500 || status === 429) {
    return new ODataError(
      "SERVER_ERROR",
      `The server failed to answer ${where(url)} (${status} ${statusText}); the next sync tries again.${detail}`,
      status,
    );
  }
  return new ODataError(
    "REQUEST_REJECTED",
    `The server refused the request to ${where(url)} (${status} ${statusText}).${detail || ` It answered: ${preview(body)}`}`,
    status,
  );
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "nothing listens on that port",
  ENOTFOUND: "the host name does not resolve",
  EAI_AGAIN: "the host name does not resolve (DNS)",
  ECONNRESET: "the connection was reset",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  ETIMEDOUT: "the connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
  DEPTH_ZERO_SELF_SIGNED_CERT: "its TLS certificate is self-signed and not trusted",
  SELF_SIGNED_CERT_IN_CHAIN: "its TLS certificate chain is not trusted",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "its TLS certificate cannot be verified",
  CERT_HAS_EXPIRED: "its TLS certificate has expired",
  ERR_TLS_CERT_ALTNAME_INVALID: "its TLS certificate is for another host name",
};

function networkError(url: string, error: unknown): ODataError {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  const host = new URL(url).host;
  const reason = code ? (NETWORK_CODES[code] ?? code) : error instanceof Error ? error.message : String(error);
  return new ODataError(
    "UNREACHABLE",
    `Cannot reach ${host}: ${reason}. Check the service URL and that the Gemba worker can reach that host and port.`,
  );
}

export function createODataClient(options: TODataClientOptions): TODataClient {
  const auth = authorization(options.auth);

  const getJson = async (url: string, headers: Record<string, string> = {}): Promise<unknown> => {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let status: number;
    let statusText: string;
    let contentType: string;
    let body: string;
    try {
      const response = await fetch(url, {
        headers: {
          accept: "application/json",
          "odata-maxversion": "4.0",
          ...(auth ? { authorization: auth } : {}),
          ...headers,
        },
        signal,
      });
      status = response.status;
      statusText = response.statusText;
      contentType = response.headers.get("content-type") ?? "";
      body = await response.text();
    } catch (error) {
      if (options.signal?.aborted) throw new ODataError("ABORTED", "The sync was stopped before the ERP answered.");
      if (timeout.aborted) {
        throw new ODataError(
          "TIMEOUT",
          `${where(url)} did not answer within ${Math.round(options.timeoutMs / 1000)} s; the next sync tries again (raise the timeout or lower the page size if this repeats).`,
        );
      }
      throw networkError(url, error);
    }
    if (status < 200 || status > 299) throw httpError(url, status, statusText, body);
    try {
      return JSON.parse(body);
    } catch {
      throw new ODataError(
        "BAD_RESPONSE",
        `${where(url)} did not return OData JSON (${contentType || "no content type"}): it answered "${preview(body)}". Is the service URL the OData service root rather than a login or launchpad page?`,
      );
    }
  };

  const getPage = async (url: string, headers?: Record<string, string>): Promise<TODataPage> => {
    const body = await getJson(url, headers);
    if (body && typeof body === "object" && "d" in body) {
      throw new ODataError(
        "BAD_RESPONSE",
        `${where(url)} answers in the OData V2 format; Gemba reads OData V4. Use the V4 service (in SAP: /sap/opu/odata4/…).`,
      );
    }
    const value = (body as { value?: unknown } | null)?.value;
    if (!Array.isArray(value) || value.some((row) => row === null || typeof row !== "object" || Array.isArray(row))) {
      throw new ODataError(
        "BAD_RESPONSE",
        `${where(url)} did not return an OData collection (an object with a "value" array of entities): it answered "${preview(JSON.stringify(body))}".`,
      );
    }
    const record = body as Record<string, unknown>;
    const nextLink =
      typeof record["@odata.nextLink"] === "string" ? new URL(record["@odata.nextLink"], url).toString() : null;
    const count = typeof record["@odata.count"] === "number" ? record["@odata.count"] : null;
    return { rows: value as TODataRow[], nextLink, count };
  };

  return { getJson, getPage };
}

export type TReadEntitySetInput = {
  /** URL of the entity set; may carry query options of its own (they are kept, a $filter is and-ed). */
  url: string;
  filter?: string;
  orderBy?: string;
  paging: "nextLink" | "skipTop";
  pageSize: number;
  /** Guards against a server that links pages in a circle; 1,000 pages of 500 are half a million rows. */
  maxPages?: number;
};

const DEFAULT_MAX_PAGES = 1_000;

/**
 * Percent-encodes a query option value. OData reads "+" literally (a time zone offset), so values
 * are encoded with encodeURIComponent, never as form data; "$" in option names stays literal.
 */
export function withQueryOptions(url: string, options: Record<string, string | undefined>): string {
  const parsed = new URL(url);
  const parts = parsed.search.replace(/^\?/, "").split("&").filter(Boolean);
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const index = parts.findIndex((part) => decodeURIComponent(part.split("=")[0] ?? "") === name);
    const existing =
      index >= 0 ? decodeURIComponent((parts[index] ?? "").slice(name.length + 1).replace(/\+/g, " ")) : null;
    const merged = name === "$filter" && existing ? `(${existing}) and (${value})` : value;
    const encoded = `${name}=${encodeURIComponent(merged)}`;
    if (index >= 0) parts[index] = encoded;
    else parts.push(encoded);
  }
  parsed.search = parts.length > 0 ? `?${parts.join("&")}` : "";
  return parsed.toString();
}

/** Reads every row of an entity set (matching `filter`), following the server's paging. */
export async function readEntitySet(
  client: TODataClient,
  input: TReadEntitySetInput,
): Promise<{ rows: TODataRow[]; pages: number }> {
  const maxPages = input.maxPages ?? DEFAULT_MAX_PAGES;
  const rows: TODataRow[] = [];
  const base = { $filter: input.filter, $orderby: input.orderBy };

  if (input.paging === "nextLink") {
    // The client asks for a page size; the server decides and links the next page (SAP does).
    const prefer = { prefer: `odata.maxpagesize=${input.pageSize}` };
    const visited = new Set<string>();
    let url: string | null = withQueryOptions(input.url, base);
    while (url !== null) {
      if (visited.has(url) || visited.size >= maxPages) throw tooManyPages(input.url, visited.size, visited.has(url));
      visited.add(url);
      const page = await client.getPage(url, prefer);
      rows.push(...page.rows);
      url = page.nextLink;
    }
    return { rows, pages: visited.size };
  }

  let previousFirst: string | null = null;
  for (let pages = 0; ; pages += 1) {
    if (pages >= maxPages) throw tooManyPages(input.url, pages, false);
    const page = await client.getPage(
      withQueryOptions(input.url, { ...base, $top: String(input.pageSize), $skip: String(rows.length) }),
    );
    const first = page.rows.length > 0 ? JSON.stringify(page.rows[0]) : null;
    if (first !== null && first === previousFirst) {
      throw new ODataError(
        "BAD_RESPONSE",
        `${where(input.url)} returned the same page twice: it ignores $skip. Switch the connector's paging to nextLink.`,
      );
    }
    previousFirst = first;
    rows.push(...page.rows);
    // A server may cap pages below $top and link the rest; only an empty or short, unlinked page ends the set.
    if (page.rows.length === 0 || (page.rows.length < input.pageSize && page.nextLink === null)) {
      return { rows, pages: pages + 1 };
    }
  }
}

function tooManyPages(url: string, pages: number, circular: boolean): ODataError {
  return new ODataError(
    "TOO_MANY_PAGES",
    circular
      ? `${where(url)} linked back to a page already read (@odata.nextLink loop); stopped after ${pages} pages. The server's paging is broken: try paging with $skip/$top.`
      : `Stopped reading ${where(url)} after ${pages} pages: the server keeps linking further pages. Raise the page size, narrow the plant filter, or check the server's paging.`,
  );
}
