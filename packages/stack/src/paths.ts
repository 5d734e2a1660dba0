import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: the launcher always works relative to it, whatever the caller's cwd. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export type DataPaths = {
  /** Everything the launcher keeps between runs (gitignored). */
  root: string;
  postgres: string;
  postgresLog: string;
  redis: string;
  redisLog: string;
  secrets: string;
  launcherLock: string;
  testReports: string;
  /** Gemba's OPC UA client certificate: kept, so servers told to trust it once keep trusting it. */
  opcuaClientPki: string;
};

export function dataPaths(dataDir: string): DataPaths {
  const root = isAbsolute(dataDir) ? dataDir : resolve(repoRoot, dataDir);
  return {
    root,
    postgres: join(root, "postgres"),
    postgresLog: join(root, "postgres.log"),
    redis: join(root, "redis"),
    redisLog: join(root, "redis.log"),
    secrets: join(root, "secrets.json"),
    launcherLock: join(root, "launcher.json"),
    testReports: join(root, "test-reports"),
    opcuaClientPki: join(root, "opcua-client-pki"),
  };
}

/** A path as the user should read it: relative to the repository when inside it. */
export function displayPath(path: string): string {
  return path.startsWith(repoRoot) ? path.slice(repoRoot.length) || "." : path;
}
