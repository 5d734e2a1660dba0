// Prisma CLI configuration. Kept free of imports so it loads from this folder
// without a root-level `prisma` dependency. Paths are relative to this file.
// The datasource URL is only read by `prisma migrate deploy` where the schema
// engine is available; offline, migrations are applied by `pnpm db:migrate`.
export default {
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
};
