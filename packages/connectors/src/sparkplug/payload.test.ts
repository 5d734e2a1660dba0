import { createRequire } from "node:module";
import type * as TProtoRoot from "sparkplug-payload/lib/sparkplugPayloadProto";
import { describe, expect, it } from "vitest";
import { decodeSparkplugPayload, encodeSparkplugPayload, normaliseLong } from "./payload";

const protoRoot = createRequire(import.meta.url)("sparkplug-payload/lib/sparkplugPayloadProto") as typeof TProtoRoot;
const RawPayload = protoRoot.org.eclipse.tahu.protobuf.Payload;

describe("decodeSparkplugPayload", () => {
  it("round-trips a birth with aliases and normalises Long fields to numbers", () => {
    const bytes = encodeSparkplugPayload({
      timestamp: 1_700_000_000_123,
      seq: 0,
      metrics: [
        { name: "bdSeq", type: "UInt64", value: 3 },
        { name: "Line1/Count", alias: 7, type: "Int64", value: -5, timestamp: 1_700_000_000_100 },
        { name: "Line1/Temp", alias: 8, type: "Double", value: 21.5 },
        { name: "Line1/Running", alias: 9, type: "Boolean", value: true },
      ],
    });
    const result = decodeSparkplugPayload(bytes);
    expect(result).toEqual({
      ok: true,
      payload: {
        timestamp: 1_700_000_000_123,
        seq: 0,
        metrics: [
          { name: "bdSeq", datatype: "UInt64", value: 3 },
          { name: "Line1/Count", alias: 7, datatype: "Int64", value: -5, timestamp: 1_700_000_000_100 },
          { name: "Line1/Temp", alias: 8, datatype: "Double", value: 21.5 },
          { name: "Line1/Running", alias: 9, datatype: "Boolean", value: true },
        ],
      },
    });
  });

  it("keeps the value of alias-only metrics sent without a datatype (lean DDATA)", () => {
    // The library cannot encode a metric without a type, so the lean message is built with the raw protobuf.
    const bytes = RawPayload.encode({
      seq: 4,
      metrics: [
        { alias: 7, intValue: 42 },
        { alias: 8, longValue: 12 },
      ],
    }).finish();
    expect(decodeSparkplugPayload(bytes)).toEqual({
      ok: true,
      payload: {
        seq: 4,
        metrics: [
          { alias: 7, value: 42 },
          { alias: 8, value: 12 },
        ],
      },
    });
  });

  it("keeps values beyond 2^53 as bigint", () => {
    expect(normaliseLong({ low: -1, high: -1, unsigned: true })).toBe(18_446_744_073_709_551_615n);
    expect(normaliseLong({ low: -1, high: -1, unsigned: false })).toBe(-1);
    expect(normaliseLong({ low: 5, high: 0, unsigned: true })).toBe(5);
  });

  it("returns a typed error instead of throwing on garbage", () => {
    const result = decodeSparkplugPayload(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/invalid Sparkplug B payload/);
  });
});
