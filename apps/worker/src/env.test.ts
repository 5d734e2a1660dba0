import { describe, expect, it } from "vitest";
import { loadWorkerEnv } from "./env";

const base = { APP_DATABASE_URL: "postgres://gemba_app@127.0.0.1:5432/gemba" };

describe("worker environment", () => {
  it("consumes every queue unless WORKER_QUEUES names some", () => {
    expect(loadWorkerEnv(base).WORKER_QUEUES).toBeUndefined();
    expect(loadWorkerEnv({ ...base, WORKER_QUEUES: "gemba-ingest, gemba-execution" }).WORKER_QUEUES).toEqual([
      "gemba-ingest",
      "gemba-execution",
    ]);
  });

  it("names the queue it does not know", () => {
    expect(() => loadWorkerEnv({ ...base, WORKER_QUEUES: "gemba-ingest,ingest" })).toThrow(/WORKER_QUEUES/);
  });
});
