import type { NextConfig } from "next";

const config: NextConfig = {
  // Internal packages ship TypeScript source; Next compiles them with the app.
  transpilePackages: ["@gemba/api", "@gemba/auth", "@gemba/connectors", "@gemba/db", "@gemba/domain", "@gemba/jobs"],
  // Native and Node-only modules stay outside the bundle and are required at run time.
  serverExternalPackages: [
    "@node-rs/argon2",
    "pg",
    "@prisma/adapter-pg",
    "ioredis",
    "pino",
    "bullmq",
    "mqtt",
    "node-opcua",
    "sparkplug-payload",
  ],
  // Several builds may share a checkout (parallel browser-test instances): each may use its own output directory.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Parallel development builds (several people or agents in one checkout) type-check with tsc on
  // their own; CI and production builds always type-check here.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default config;
