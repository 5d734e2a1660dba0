// `pnpm db:migrate`: applies pending migrations from prisma/migrations to DATABASE_URL. Needs no
// network and no Prisma engine, so it works on an air-gapped server.
import { z } from "zod";
import { runMigrations } from "../migrations/run-migrations";

/** This command's only env module. */
const ZMigrateEnv = z.object({
  DATABASE_URL: z.url({
    protocol: /^postgres(ql)?$/,
    error: "must be set to the schema owner's postgres:// URL (npm start migrates its embedded database itself)",
  }),
  /** When set, the gemba_app role gets this password so the application can log in. */
  APP_DATABASE_PASSWORD: z.string().min(8).optional(),
});

const write = (line: string) => process.stdout.write(`${line}\n`);

const parsed = ZMigrateEnv.safeParse({
  DATABASE_URL: process.env.DATABASE_URL || undefined,
  APP_DATABASE_PASSWORD: process.env.APP_DATABASE_PASSWORD || undefined,
});
if (!parsed.success) {
  process.stderr.write(
    `${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n")}\n`,
  );
  process.exit(1);
}

try {
  const result = await runMigrations({
    connectionString: parsed.data.DATABASE_URL,
    appRolePassword: parsed.data.APP_DATABASE_PASSWORD,
    log: write,
  });
  write(
    result.applied.length > 0
      ? `Applied ${result.applied.length} migration(s); ${result.alreadyApplied} were applied before.`
      : `Nothing to apply: all ${result.alreadyApplied} migrations are applied.`,
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
