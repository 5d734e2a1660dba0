import { browserConfig } from "./e2e/playwright-base";

// Its own instance (port, database, queues) by default, so it can run next to the browser tests.
// Set before any test file loads e2e-instance: Playwright's workers inherit this environment.
const port = Number(process.env.E2E_PORT || 3800);
process.env.E2E_PORT = String(port);

export default browserConfig(port, {
  testDir: "./bench",
  testMatch: /.*\.bench\.ts$/,
  timeout: 600_000,
  reporter: [["list"]],
  outputDir: "test-results/bench",
});
