import "server-only";
import { z } from "zod";

/** The web app's only env module: validated once, at first use, with messages an admin can act on. */
const ZWebEnv = z
  .object({
    APP_DATABASE_URL: z.url("APP_DATABASE_URL must be a postgres:// URL for the gemba_app role."),
    REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters."),
    NEXTAUTH_URL: z.url().optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_DISPLAY_NAME: z.string().min(1).default("single sign-on"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"),
  })
  .refine(
    (env) =>
      [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].every((v) => v === undefined) ||
      [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].every((v) => v !== undefined),
    { message: "Single sign-on needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none of them." },
  );

export type TWebEnv = z.infer<typeof ZWebEnv>;

let cached: TWebEnv | undefined;

export function webEnv(): TWebEnv {
  if (cached) return cached;
  const parsed = ZWebEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new Error(`Gemba web cannot start; fix its environment:\n  ${problems.join("\n  ")}`);
  }
  cached = parsed.data;
  return cached;
}
