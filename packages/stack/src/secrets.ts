import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { ZSecretsKey } from "./env";
import { errorCode, errorMessage, LauncherError } from "./errors";
import { displayPath } from "./paths";

/**
 * Secrets the launcher generates once and keeps in .gemba/secrets.json, so sign-in sessions,
 * encrypted connector secrets and the embedded database survive restarts.
 */
export const ZStoredSecrets = z.object({
  NEXTAUTH_SECRET: z.string().min(32),
  SECRETS_KEY: ZSecretsKey,
  /** Password of the embedded Postgres superuser (only used when DATABASE_URL is unset). */
  POSTGRES_PASSWORD: z.string().min(16),
});

export type TStoredSecrets = z.infer<typeof ZStoredSecrets>;

const generators: { [K in keyof TStoredSecrets]: () => string } = {
  NEXTAUTH_SECRET: () => randomBytes(32).toString("base64url"),
  SECRETS_KEY: () => randomBytes(32).toString("base64"),
  POSTGRES_PASSWORD: () => randomBytes(24).toString("base64url"),
};

export type LoadedSecrets = { secrets: TStoredSecrets; generated: (keyof TStoredSecrets)[] };

/** Reads the stored secrets, generating and saving any that are missing. Never overwrites one. */
export async function loadOrCreateSecrets(file: string): Promise<LoadedSecrets> {
  const stored = await readStored(file);
  const missing = (Object.keys(generators) as (keyof TStoredSecrets)[]).filter((key) => stored[key] === undefined);
  const secrets = { ...stored };
  for (const key of missing) secrets[key] = generators[key]();
  const complete = ZStoredSecrets.parse(secrets);
  if (missing.length > 0) await writeAtomically(file, `${JSON.stringify(complete, null, 2)}\n`);
  return { secrets: complete, generated: missing };
}

async function readStored(file: string): Promise<Partial<TStoredSecrets>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return {};
    throw error;
  }
  try {
    return ZStoredSecrets.partial().parse(JSON.parse(text));
  } catch (error) {
    // Regenerating would silently lock out every session and connector secret: refuse instead.
    throw new LauncherError(
      `${displayPath(file)} is damaged (${errorMessage(error).split("\n")[0]}). Restore it from a backup; delete it only if you accept new keys (everyone signs in again, connector secrets must be re-entered).`,
    );
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text, { mode: 0o600 });
  await rename(temporary, file);
}
