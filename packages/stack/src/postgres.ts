import pg from "pg";
import { embeddedPostgresUrl, startEmbeddedPostgres } from "./embedded-postgres";
import type { TLauncherEnv } from "./env";
import { errorMessage, LauncherError } from "./errors";
import type { Lifecycle } from "./lifecycle";
import { type DataPaths, displayPath } from "./paths";
import { printStep } from "./print";
import type { LoadedSecrets } from "./secrets";

export type PostgresHandle = {
  /** Owner (superuser or schema owner) connection: migrations and tenant provisioning. */
  ownerUrl: string;
  /** Resolves if a Postgres the launcher started stops on its own. */
  exited?: Promise<void>;
};

const EMBEDDED_DATABASE = "gemba";

export type ResolvePostgresInput = {
  env: Pick<TLauncherEnv, "DATABASE_URL" | "GEMBA_POSTGRES_PORT">;
  paths: DataPaths;
  secrets: LoadedSecrets;
  lifecycle: Lifecycle;
  /** Another launcher already runs the embedded Postgres: connect to it instead of starting one. */
  embeddedAlreadyRunning?: boolean;
};

/** DATABASE_URL when given, otherwise the embedded Postgres under .gemba/postgres. */
export async function resolvePostgres(input: ResolvePostgresInput): Promise<PostgresHandle> {
  const { env, paths, secrets, lifecycle } = input;
  if (env.DATABASE_URL) {
    await assertReachable(env.DATABASE_URL, "DATABASE_URL");
    printStep("postgres", `DATABASE_URL (${describeUrl(env.DATABASE_URL)})`);
    return { ownerUrl: env.DATABASE_URL };
  }

  const options = {
    dir: paths.postgres,
    logFile: paths.postgresLog,
    port: env.GEMBA_POSTGRES_PORT,
    password: secrets.secrets.POSTGRES_PASSWORD,
    passwordIsNew: secrets.generated.includes("POSTGRES_PASSWORD"),
    database: EMBEDDED_DATABASE,
  };
  if (input.embeddedAlreadyRunning) {
    const url = embeddedPostgresUrl(options);
    await assertReachable(url, "the running embedded Postgres");
    printStep("postgres", `embedded, already running on 127.0.0.1:${options.port}`);
    return { ownerUrl: url };
  }

  // Registered before starting, so Ctrl+C during a first, slow initdb still stops what started.
  let stop: () => Promise<void> = async () => undefined;
  lifecycle.defer("postgres", () => stop());
  const server = await startEmbeddedPostgres(options);
  stop = async () => {
    printStep("postgres", "stopping");
    await server.stop();
  };
  printStep("postgres", `embedded, data in ${displayPath(options.dir)}, 127.0.0.1:${options.port}`);
  return { ownerUrl: server.url, exited: server.exited };
}

export async function canConnect(
  url: string,
  timeoutMs = 3_000,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    application_name: "gemba-launcher",
  });
  // Errors after connect (server shutting down) must not crash the launcher.
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: errorMessage(error) || "connection refused" };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function assertReachable(url: string, name: string): Promise<void> {
  const result = await canConnect(url, 5_000);
  if (!result.ok) {
    throw new LauncherError(`Postgres at ${name} (${describeUrl(url)}) does not answer: ${result.reason}.`);
  }
}

/** host:port/database without credentials, for messages. */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}
