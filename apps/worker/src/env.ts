import { QUEUES, type TQueueName } from "@gemba/jobs/constants";
import { z } from "zod";

/** The worker's only env module. */
const ZWorkerEnv = z.object({
  APP_DATABASE_URL: z.url("APP_DATABASE_URL must be a postgres:// URL for the gemba_app role."),
  REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
  /** Redis key prefix of the queues; separate deployments (or tests) sharing one Redis use different ones. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default("gemba"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /**
   * How long a job's lock lasts without renewal. A worker that dies (SIGKILL, power loss) holds
   * its jobs this long before another worker takes them over.
   */
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  /** 32 random bytes, base64: opens connector secrets. Without it, connectors needing secrets report the problem. */
  SECRETS_KEY: z
    .string()
    .refine(
      (value) => Buffer.from(value, "base64").length === 32,
      "SECRETS_KEY must be 32 random bytes, base64-encoded.",
    )
    .optional(),
  /** Comma-separated queue names this process consumes (default all), e.g. "gemba-ingest" for a dedicated ingest worker. */
  WORKER_QUEUES: z
    .string()
    .optional()
    .transform((value) =>
      value
        ? value
            .split(",")
            .map((name) => name.trim())
            .filter(Boolean)
        : undefined,
    )
    .pipe(
      z
        .array(z.enum(Object.values(QUEUES) as [TQueueName, ...TQueueName[]]))
        .min(1)
        .optional(),
    ),
  /** Off for a worker that should only process jobs (e.g. a second instance dedicated to ingest). */
  RUN_CONNECTORS: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  /** Where rule e-mails go out, e.g. smtp://user:pass@mail.plant.local:587. Without it, e-mails fail visibly on the notification. */
  SMTP_URL: z
    .string()
    .refine((value) => {
      try {
        return ["smtp:", "smtps:"].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://127.0.0.1:2525.")
    .optional(),
  /** Sender of rule e-mails: an address, or "Name <address>". */
  MAIL_FROM: z
    .string()
    .trim()
    .regex(
      /^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
      'MAIL_FROM must be an e-mail address or "Name <address>".',
    )
    .default("Gemba <gemba@localhost>"),
  /**
   * How often the automation sweep looks for work a lost job left behind (pending signals, due
   * escalations, notifications, state durations, schedules); 0 turns it off (tests only).
   */
  AUTOMATION_SWEEP_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /**
   * How long one e-mail or webhook attempt may take before another worker may retry it. A worker
   * killed mid-send is retried after this long (the receiver may then see the message twice, with
   * the same Message-ID / Gemba-Idempotency-Key).
   */
  AUTOMATION_DELIVERY_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(60_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"),
});

export type TWorkerEnv = z.infer<typeof ZWorkerEnv>;

export function loadWorkerEnv(source: NodeJS.ProcessEnv = process.env): TWorkerEnv {
  const parsed = ZWorkerEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Gemba worker cannot start; fix its environment:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}
