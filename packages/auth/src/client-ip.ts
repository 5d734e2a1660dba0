/**
 * The client's address for throttling. Behind a reverse proxy the first X-Forwarded-For
 * entry is the browser; deployments must let only their proxy set that header.
 */
export function clientIpFrom(headers: Record<string, unknown> | Headers): string {
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : undefined;
  };
  const forwarded = read("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || read("x-real-ip") || "unknown";
}
