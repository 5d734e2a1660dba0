import { describe, expect, it } from "vitest";
import { type TGenericWebhookConfig, ZGenericWebhookConfig } from "./config";
import { mapGenericDelivery } from "./map-generic";
import { replayWebhookDeadLetter } from "./replay-dead-letter";

const PRESS = "5b0d7c1e-8f7a-4b59-9a49-2f7d1c3e4a10";
const LATHE = "6c1e8d2f-9a8b-4c6a-8b5a-3a8e2d4f5b21";
const SOURCE = "2f4e6a8c-1b3d-4f5a-8c7e-9d0b1a2c3e4f";
const receivedAt = new Date("2026-11-24T11:00:00Z");

const feed = (machines: { value: string; workCenterId: string }[]): TGenericWebhookConfig =>
  ZGenericWebhookConfig.parse({
    format: "generic",
    eventsPath: "events",
    kind: { from: "fixed", kind: "machine.state" },
    workCenter: { from: "path", path: "machine", values: machines },
    eventTimePath: "ts",
    dedupeKeyPath: "id",
    state: { statePath: "status", states: [{ value: "run", state: "RUNNING" }] },
  });

describe("retrying a dead-lettered webhook record after the mapping was fixed", () => {
  const body = {
    events: [
      { id: "e-1", machine: "Press 400t", status: "run", ts: "2026-11-24T10:59:00Z" },
      { id: "e-2", machine: "Okuma LB3000", status: "run", ts: "2026-11-24T10:59:30Z" },
    ],
  };

  it("maps the kept record with the current configuration", () => {
    const before = feed([{ value: "Press 400t", workCenterId: PRESS }]);
    const first = mapGenericDelivery(body, before, { sourceId: SOURCE, deliveredAt: receivedAt });
    expect(first.items).toHaveLength(1);
    expect(first.rejected).toHaveLength(1);
    const kept = first.rejected[0]?.payload;

    // Still unmapped: rejected again, with the reason.
    expect(replayWebhookDeadLetter(before, kept, { sourceId: SOURCE, receivedAt }).rejected[0]?.reason).toContain(
      "Okuma LB3000",
    );

    const fixed = feed([
      { value: "Press 400t", workCenterId: PRESS },
      { value: "Okuma LB3000", workCenterId: LATHE },
    ]);
    const retried = replayWebhookDeadLetter(fixed, kept, { sourceId: SOURCE, receivedAt });
    expect(retried.rejected).toEqual([]);
    expect(retried.items).toEqual([expect.objectContaining({ workCenterId: LATHE, dedupeKey: "e-2" })]);
  });

  it("maps a whole kept body (records field was wrong) once the field is fixed", () => {
    const wrongPath = { ...feed([{ value: "Press 400t", workCenterId: PRESS }]), eventsPath: "records" };
    const first = mapGenericDelivery(body, wrongPath, { sourceId: SOURCE, deliveredAt: receivedAt });
    expect(first.rejected).toHaveLength(1);
    const retried = replayWebhookDeadLetter(
      feed([{ value: "Press 400t", workCenterId: PRESS }]),
      first.rejected[0]?.payload,
      {
        sourceId: SOURCE,
        receivedAt,
      },
    );
    expect(retried.items).toHaveLength(1);
  });
});
