import { hashPassword } from "@gemba/auth/password";
import { createDatabase } from "@gemba/db/client";
import { type SeedDemoResult, seedDemo } from "@gemba/db/seed/seed-demo";
import { printStep } from "./print";

/** Creates the demo tenants (plant, lines, users, weeks of simulated events) unless they exist. */
export async function seedDemoTenant(urls: { ownerUrl: string; appUrl: string }): Promise<SeedDemoResult> {
  const owner = createDatabase({ connectionString: urls.ownerUrl, applicationName: "gemba-seed", maxConnections: 2 });
  const app = createDatabase({ connectionString: urls.appUrl, applicationName: "gemba-seed", maxConnections: 4 });
  try {
    const result = await seedDemo({ owner, app, hashPassword, log: (message) => printStep("seed", message) });
    if (result.created) printStep("seed", `demo tenants created (${result.eventCount} events)`);
    return result;
  } finally {
    await Promise.all([owner.close(), app.close()]);
  }
}
