import { describe, expect, it } from "vitest";
import { clientIpFrom } from "./client-ip";

describe("clientIpFrom", () => {
  it("takes the hop nearest to the server, which the browser cannot forge", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIpFrom({ "x-forwarded-for": "198.51.100.2" })).toBe("198.51.100.2");
  });

  it("falls back to X-Real-IP, then to a fixed bucket", () => {
    expect(clientIpFrom({ "x-real-ip": "192.0.2.9" })).toBe("192.0.2.9");
    expect(clientIpFrom({})).toBe("unknown");
  });
});
