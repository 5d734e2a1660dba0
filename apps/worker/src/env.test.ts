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

  it("reads the mail settings and says what is wrong with them", () => {
    const env = loadWorkerEnv({ ...base, SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "Plant <plant@example.test>" });
    expect(env.SMTP_URL).toBe("smtp://127.0.0.1:2525");
    expect(env.MAIL_FROM).toBe("Plant <plant@example.test>");
    expect(loadWorkerEnv(base).SMTP_URL).toBeUndefined();
    expect(loadWorkerEnv(base).AUTOMATION_SWEEP_MS).toBe(5_000);
    expect(() => loadWorkerEnv({ ...base, SMTP_URL: "http://mail" })).toThrow(/SMTP_URL must be an smtp/);
    expect(() => loadWorkerEnv({ ...base, MAIL_FROM: "nobody" })).toThrow(/MAIL_FROM/);
  });
});
