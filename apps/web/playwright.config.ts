import { E2E_PORT } from "./e2e/e2e-instance";
import { browserConfig } from "./e2e/playwright-base";

export default browserConfig(E2E_PORT, {
  testDir: "./e2e",
  testMatch: /.*\.e2e\.ts$/,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
});
