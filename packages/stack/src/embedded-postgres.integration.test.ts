import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedPostgresOptions, startEmbeddedPostgres } from "./embedded-postgres";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded Postgres", () => {
  let root: string;
  let options: EmbeddedPostgresOptions;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "gemba-embedded-"));
    // As root, Postgres runs as the `postgres` OS user, which must be able to enter the folder.
    await chmod(root, 0o755);
    options = {
      dir: join(root, "postgres"),
      logFile: join(root, "postgres.log"),
      port: await freePort(),
      password: "integration-test-password",
      passwordIsNew: true,
      database: "gemba",
    };
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("creates a cluster whose data survives a restart and a crash's stale pid file", async () => {
    const first = await startEmbeddedPostgres(options);
    try {
      await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ ...options, passwordIsNew: false });
    try {
      expect(await query(second.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
    } finally {
      await second.stop();
    }

    // After a power cut the pid in postmaster.pid may belong to any other process (here: init).
    await writeFile(join(options.dir, "postmaster.pid"), `1\n${options.dir}\n`);
    const third = await startEmbeddedPostgres({ ...options, passwordIsNew: false });
    try {
      expect(await query(third.url, "SELECT count(*)::int AS n FROM kept")).toEqual([{ n: 1 }]);
    } finally {
      await third.stop();
    }
  });

  it("refuses an existing cluster when its password was lost", async () => {
    await expect(startEmbeddedPostgres({ ...options, passwordIsNew: true })).rejects.toThrow(/secrets/);
  });
});
