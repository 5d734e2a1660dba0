import { defineConfig } from "vitest/config";

// Test files are named by kind: *.test.ts (unit, no I/O), *.integration.test.ts (real Postgres
// and Redis), *.e2e.ts (browser, run by Playwright in apps/web).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["packages/*/src/**/*.integration.test.ts", "apps/*/src/**/*.integration.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: ["packages/db/src/testing/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: more workers only contend for the same CPU and Postgres.
          maxWorkers: 2,
        },
      },
    ],
  },
});
