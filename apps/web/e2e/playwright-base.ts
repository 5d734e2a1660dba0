import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";

/** Debian's Chromium: Playwright's own browser download does not work offline. */
export const CHROMIUM = {
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
};

/**
 * The browser tests' and browser benchmarks' common configuration: one worker (they share the
 * seeded database), Debian's Chromium, and serve.ts as the web server on `port` (its own database).
 */
export function browserConfig(port: number, overrides: PlaywrightTestConfig) {
  return defineConfig({
    timeout: 60_000,
    expect: { timeout: 15_000 },
    workers: 1,
    retries: 0,
    use: {
      baseURL: `http://127.0.0.1:${port}`,
      launchOptions: CHROMIUM,
      viewport: { width: 1280, height: 800 },
      screenshot: "only-on-failure",
      trace: "retain-on-failure",
    },
    webServer: {
      // Creates a fresh database with the demo plant, then runs the production build.
      command: `node --import tsx e2e/serve.ts ${port}`,
      url: `http://127.0.0.1:${port}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    ...overrides,
  });
}
