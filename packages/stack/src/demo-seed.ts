import { hashPassword } from "@gemba/auth/password";
import { type DemoConnectorEndpoints, seedDemoConnectors } from "@gemba/connectors/demo/seed-demo-connectors";
import { createDatabase } from "@gemba/db/client";
import { type SeedDemoResult, seedDemo } from "@gemba/db/seed/seed-demo";
import { printStep } from "./print";

/** Creates the demo tenants (plant, lines, users, weeks of simulated events) unless they exist. */
export async function seedDemoTenant(
  urls: { ownerUrl: string; appUrl: string },
  connectors: DemoConnectorEndpoints,
): Promise<SeedDemoResult> {
  const owner = createDatabase({ connectionString: urls.ownerUrl, applicationName: "gemba-seed", maxConnections: 2 });
  const app = createDatabase({ connectionString: urls.appUrl, applicationName: "gemba-seed", maxConnections: 4 });
  try {
    const result = await seedDemo({ owner, app, hashPassword, log: (message) => printStep("seed", message) });
    if (result.created) printStep("seed", `demo tenants created (${result.eventCount} events)`);
    // Connectors pointed at the plant simulator; created once, an admin's later edits are kept.
    const { rows } = await owner.pool.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'demo'`);
    const demoTenantId = rows[0]?.id;
    if (demoTenantId) {
      const seeded = await seedDemoConnectors(app, demoTenantId, connectors);
      if (seeded.created > 0) printStep("seed", `${seeded.created} demo connectors (Sparkplug B, MTConnect, OPC UA)`);
    }
    return result;
  } finally {
    await Promise.all([owner.close(), app.close()]);
  }
}
