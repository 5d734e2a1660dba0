import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { LauncherError } from "./errors";
import { repoRoot } from "./paths";

// The launcher's only env module: nothing else in packages/stack reads process.env.

const ZPort = z.coerce.number().int().min(1).max(65_535);
const ZPostgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" });

/** 32 random bytes, base64: the AES-256-GCM key for connector secrets. */
export const ZSecretsKey = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, "must be base64")
  .refine((value) => Buffer.from(value, "base64").length === 32, "must decode to exactly 32 bytes");

export const ZLauncherEnv = z
  .object({
    /** Owner connection. Unset: the launcher runs an embedded Postgres under .gemba/postgres. */
    DATABASE_URL: ZPostgresUrl.optional(),
    /** Connection of the gemba_app role. Unset: derived from DATABASE_URL and APP_DATABASE_PASSWORD. */
    APP_DATABASE_URL: ZPostgresUrl.optional(),
    /** Password the migrations give the gemba_app role (default "gemba_app_local"). */
    APP_DATABASE_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
    /** Unset: Redis on 127.0.0.1:6379 if it answers, else a redis-server started under .gemba/redis. */
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional(),
    PORT: ZPort.default(3000),
    NEXTAUTH_URL: z.url().optional(),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SECRETS_KEY: ZSecretsKey.optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_DISPLAY_NAME: z.string().optional(),
    GEMBA_SEED_DEMO: z.stringbool().default(true),
    /** Run the plant simulator next to the demo (Sparkplug B, MTConnect, OPC UA); only with the demo. */
    GEMBA_SIMULATOR: z.stringbool().default(true),
    /** The MQTT broker the simulator publishes to and the demo Sparkplug connector reads. */
    GEMBA_MQTT_URL: z
      .url({ protocol: /^(mqtts?|wss?)$/, error: "must be an mqtt:// URL" })
      .default("mqtt://127.0.0.1:1883"),
    GEMBA_SIMULATOR_MTCONNECT_PORT: ZPort.default(5480),
    GEMBA_SIMULATOR_OPCUA_PORT: ZPort.default(4841),
    GEMBA_DATA_DIR: z.string().default(".gemba"),
    GEMBA_POSTGRES_PORT: ZPort.default(54_329),
    GEMBA_REDIS_PORT: ZPort.default(63_790),
    GEMBA_READY_TIMEOUT_SECONDS: z.coerce.number().int().min(10).default(180),
    TEST_DATABASE_URL: ZPostgresUrl.default("postgres://postgres@127.0.0.1:5432/postgres"),
    TEST_REDIS_URL: z.url({ protocol: /^rediss?$/ }).default("redis://127.0.0.1:6379"),
    NO_COLOR: z.string().optional(),
    FORCE_COLOR: z.string().optional(),
  })
  .refine(
    (env) => {
      const set = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter((v) => v !== undefined);
      return set.length === 0 || set.length === 3;
    },
    { message: "single sign-on needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none of them" },
  );

export type TLauncherEnv = z.infer<typeof ZLauncherEnv>;

export class EnvError extends LauncherError {}

/** Empty values count as unset, so `DATABASE_URL= npm start` means "use the embedded Postgres". */
export function parseLauncherEnv(source: Record<string, string | undefined>): TLauncherEnv {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = ZLauncherEnv.safeParse(present);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`);
  throw new EnvError(`Fix these environment variables (or .env):\n  ${problems.join("\n  ")}`);
}

let cached: TLauncherEnv | undefined;

export function launcherEnv(): TLauncherEnv {
  if (cached) return cached;
  // A .env at the repository root fills in what the shell did not set; the shell wins.
  const dotEnv = join(repoRoot, ".env");
  if (existsSync(dotEnv)) process.loadEnvFile(dotEnv);
  cached = parseLauncherEnv(process.env);
  return cached;
}

/** The environment children start from (PATH, HOME, locale, …), before the launcher adds its own. */
export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}
