import { describe, expect, it } from "vitest";
import { readLimitedBody } from "./read-body";

const post = (body: NonNullable<RequestInit["body"]>, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/ingest/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readLimitedBody", () => {
  it("returns the raw bytes unchanged", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0xc3, 0xa4, 0x22, 0x7d, 0x0a]);
    expect(Buffer.from((await readLimitedBody(post(bytes), 16)) ?? [])).toEqual(Buffer.from(bytes));
  });

  it("returns an empty body as zero bytes", async () => {
    expect(await readLimitedBody(new Request("http://localhost/", { method: "POST" }), 16)).toEqual(new Uint8Array(0));
  });

  it("refuses a declared length over the limit without reading", async () => {
    expect(await readLimitedBody(post("x".repeat(8), { "content-length": "17" }), 16)).toBeNull();
  });

  it("stops reading a streamed body as soon as it exceeds the limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(10));
      },
    });
    expect(await readLimitedBody(post(endless), 25)).toBeNull();
    expect(pulled).toBeLessThan(10);
  });
});
