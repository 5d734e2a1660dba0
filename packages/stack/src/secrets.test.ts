import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LauncherError } from "./errors";
import { loadOrCreateSecrets } from "./secrets";

describe("stored secrets", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "gemba-secrets-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("are generated once and read back unchanged, readable by the owner only", async () => {
    const file = join(dir, "secrets.json");
    const first = await loadOrCreateSecrets(file);
    expect(first.generated.sort()).toEqual(["NEXTAUTH_SECRET", "POSTGRES_PASSWORD", "SECRETS_KEY"]);
    expect(Buffer.from(first.secrets.SECRETS_KEY, "base64")).toHaveLength(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const second = await loadOrCreateSecrets(file);
    expect(second.generated).toEqual([]);
    expect(second.secrets).toEqual(first.secrets);
  });

  it("fill in a missing one without touching the others", async () => {
    const file = join(dir, "secrets.json");
    const { secrets } = await loadOrCreateSecrets(file);
    const { POSTGRES_PASSWORD: _dropped, ...rest } = secrets;
    await writeFile(file, JSON.stringify(rest));
    const again = await loadOrCreateSecrets(file);
    expect(again.generated).toEqual(["POSTGRES_PASSWORD"]);
    expect(again.secrets.NEXTAUTH_SECRET).toBe(secrets.NEXTAUTH_SECRET);
  });

  it("refuse to replace a damaged file", async () => {
    const file = join(dir, "secrets.json");
    await writeFile(file, "{ not json");
    await expect(loadOrCreateSecrets(file)).rejects.toThrow(LauncherError);
    expect(await readFile(file, "utf8")).toBe("{ not json");
  });
});
