// Generates the Prisma client offline. `prisma generate` never runs the schema engine,
// yet the CLI insists on locating (and otherwise downloading) one: pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies that check without network.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(packageDir, "../..");
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
const prismaBin = resolve(packageDir, "node_modules/.bin/prisma");
const result = spawnSync(prismaBin, ["generate", "--config", resolve(repoRoot, "prisma/prisma.config.ts")], {
  cwd: repoRoot,
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
