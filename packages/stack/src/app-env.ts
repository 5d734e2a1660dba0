import { inheritedEnv, type TLauncherEnv } from "./env";
import type { TStoredSecrets } from "./secrets";

export type AppEnvInput = {
  env: TLauncherEnv;
  secrets: TStoredSecrets;
  appUrl: string;
  redisUrl: string;
  publicUrl: string;
  mode: "production" | "development";
  color: boolean;
  opcuaClientPki: string;
};

/**
 * The environment of the web app and worker (and the web build). They get the application
 * role's URL only: the owner's DATABASE_URL stays with the launcher.
 */
export function appEnv(input: AppEnvInput): NodeJS.ProcessEnv {
  const { env, secrets } = input;
  const base = inheritedEnv();
  delete base.DATABASE_URL;
  delete base.APP_DATABASE_PASSWORD;
  return {
    ...base,
    // OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_DISPLAY_NAME pass through from `base`.
    NODE_ENV: input.mode,
    PORT: String(env.PORT),
    APP_DATABASE_URL: input.appUrl,
    REDIS_URL: input.redisUrl,
    NEXTAUTH_URL: input.publicUrl,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? secrets.NEXTAUTH_SECRET,
    SECRETS_KEY: env.SECRETS_KEY ?? secrets.SECRETS_KEY,
    OPCUA_CLIENT_PKI_DIR: input.opcuaClientPki,
    // Plants are often offline: no telemetry calls from Next.js or turbo.
    NEXT_TELEMETRY_DISABLED: "1",
    TURBO_TELEMETRY_DISABLED: "1",
    ...(input.color ? { FORCE_COLOR: "1" } : {}),
  };
}

export function publicUrl(env: Pick<TLauncherEnv, "NEXTAUTH_URL" | "PORT">): string {
  return (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
