/**
 * The client's address, for per-IP sign-in throttling. Next.js fills X-Forwarded-For from the
 * socket when a request arrives without one; a reverse proxy appends the address it saw. The
 * last entry is therefore the one added by the hop nearest to us, which a browser cannot forge
 * (earlier entries can be anything the client sent). Deployments behind a proxy must let it
 * append or set the header; the per-account limit protects accounts whatever the header says.
 */
export function clientIpFrom(headers: Record<string, unknown> | Headers): string {
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return typeof value === "string" ? value : Array.isArray(value) ? String(value[value.length - 1]) : undefined;
  };
  const hops = read("x-forwarded-for")
    ?.split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops?.[hops.length - 1] || read("x-real-ip") || "unknown";
}
