import { AppError } from "@gemba/domain/errors";
import type { TErpODataConfig, TErpSecrets } from "./config";
import { createODataClient, type TODataAuth, type TODataClient, withQueryOptions } from "./odata-client";

/** The credentials the configured authentication needs, or an error saying which are missing. */
export function odataAuth(config: Pick<TErpODataConfig, "authentication">, secrets: TErpSecrets): TODataAuth {
  if (config.authentication === "basic") {
    if (!secrets.username || !secrets.password) {
      throw new AppError(
        "BAD_REQUEST",
        "Basic authentication is selected but no user and password are stored: enter them in the connector's credentials.",
      );
    }
    return { kind: "basic", username: secrets.username, password: secrets.password };
  }
  if (config.authentication === "bearer") {
    if (!secrets.token) {
      throw new AppError(
        "BAD_REQUEST",
        "Bearer authentication is selected but no token is stored: enter it in the connector's credentials.",
      );
    }
    return { kind: "bearer", token: secrets.token };
  }
  return { kind: "none" };
}

export function erpClient(config: TErpODataConfig, secrets: TErpSecrets, signal: AbortSignal): TODataClient {
  return createODataClient({
    auth: odataAuth(config, secrets),
    timeoutMs: config.requestTimeoutSeconds * 1000,
    signal,
  });
}

/** The service root with a trailing slash, keeping its query (SAP systems often need `?sap-client=100`). */
export function serviceRootUrl(serviceUrl: string): string {
  const url = new URL(serviceUrl);
  if (!url.pathname.endsWith("/")) url.pathname = `${url.pathname}/`;
  return url.toString();
}

/**
 * An entity set's URL: a name resolved against the service root, or a full URL of its own (a
 * product entity set in another service). The service URL's query options, such as
 * sap-client, carry over to names.
 */
export function entitySetUrl(serviceUrl: string, entitySet: string): string {
  if (/^https?:\/\//i.test(entitySet)) return entitySet;
  const root = new URL(serviceRootUrl(serviceUrl));
  let url = new URL(entitySet, `${root.origin}${root.pathname}`).toString();
  for (const [name, value] of root.searchParams) {
    if (!new URL(url).searchParams.has(name)) url = withQueryOptions(url, { [name]: value });
  }
  return url;
}

/** `ProductionPlant eq '1010'`, quotes doubled as OData string literals require. */
export function plantFilter(plant: string | undefined): string | undefined {
  return plant ? `ProductionPlant eq '${plant.replace(/'/g, "''")}'` : undefined;
}
