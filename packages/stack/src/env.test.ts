import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EnvError, parseLauncherEnv } from "./env";

describe("launcher env", () => {
  it("has defaults for a machine with nothing configured", () => {
    const env = parseLauncherEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.GEMBA_SEED_DEMO).toBe(true);
    expect(env.GEMBA_POSTGRES_PORT).toBe(54_329);
    expect(env.TEST_DATABASE_URL).toBe("postgres://postgres@127.0.0.1:5432/postgres");
  });

  it("treats empty values as unset, so `DATABASE_URL= npm start` uses the embedded Postgres", () => {
    expect(parseLauncherEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it("reads GEMBA_SEED_DEMO=false and numbers from strings", () => {
    const env = parseLauncherEnv({ GEMBA_SEED_DEMO: "false", PORT: "8080" });
    expect(env.GEMBA_SEED_DEMO).toBe(false);
    expect(env.PORT).toBe(8080);
  });

  it("accepts a 32-byte base64 SECRETS_KEY and rejects anything else", () => {
    const key = randomBytes(32).toString("base64");
    expect(parseLauncherEnv({ SECRETS_KEY: key }).SECRETS_KEY).toBe(key);
    expect(() => parseLauncherEnv({ SECRETS_KEY: randomBytes(16).toString("base64") })).toThrow(/32 bytes/);
  });

  it("names every bad variable in one message", () => {
    const attempt = () => parseLauncherEnv({ DATABASE_URL: "mysql://x", PORT: "abc", NEXTAUTH_SECRET: "short" });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/DATABASE_URL[\s\S]*PORT[\s\S]*NEXTAUTH_SECRET/);
  });

  it("wants all three OIDC settings or none", () => {
    expect(() => parseLauncherEnv({ OIDC_ISSUER: "https://login.example.com" })).toThrow(/OIDC_CLIENT_ID/);
    expect(
      parseLauncherEnv({ OIDC_ISSUER: "https://login.example.com", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" })
        .OIDC_ISSUER,
    ).toBe("https://login.example.com");
  });
});
