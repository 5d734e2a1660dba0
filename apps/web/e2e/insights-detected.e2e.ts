import { randomBytes } from "node:crypto";
import { hashPassword } from "@gemba/auth/password";
import { createDatabase, type Database } from "@gemba/db/client";
import { spcDetector } from "@gemba/db/insights/spc/spc-detector";
import { storeInsightDrafts } from "@gemba/db/insights/store-insights";
import { DRIFT_NOW, DRIFT_WORK_CENTER, storeDriftedPlant } from "@gemba/db/insights/testing/drifted-plant";
import { deriveAppDatabaseUrl } from "@gemba/db/roles";
import { withTenant } from "@gemba/db/tenant-scope";
import { expect, test } from "@playwright/test";
import { signInAs } from "./demo-helpers";
import { E2E_APP_PASSWORD, e2eOwnerUrl } from "./e2e-instance";

/**
 * A plant of the test's own, with 17 days of simulated history in which one lathe's cycle time
 * creeps up on the last day; the SPC detector runs over it as the worker's pass does. The manager
 * follows the finding to the control chart, where the rule breaks are marked.
 */
const suffix = randomBytes(3).toString("hex");
const managerEmail = `drift-manager-${suffix}@example.test`;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const app = createDatabase({
    connectionString: deriveAppDatabaseUrl(e2eOwnerUrl(), E2E_APP_PASSWORD),
    applicationName: "gemba-e2e-drift",
  });
  const owner: Database = createDatabase({ connectionString: e2eOwnerUrl(), applicationName: "gemba-e2e-drift-owner" });
  try {
    const plant = await storeDriftedPlant({ app, owner }, { slug: `drift-${suffix}`, name: "Drift Test Works" });
    const user = await app.prisma.user.create({
      data: { email: managerEmail, name: "Dana Drift", passwordHash: await hashPassword("gemba-demo") },
      select: { id: true },
    });
    await withTenant(app.prisma, plant.tenantId, async (tx) => {
      await tx.membership.create({ data: { tenantId: plant.tenantId, userId: user.id, role: "MANAGER" } });
      const run = { tenantId: plant.tenantId, now: DRIFT_NOW, workCenterIds: null };
      const drafts = await spcDetector.detect(tx, run);
      await storeInsightDrafts(tx, { tenantId: plant.tenantId, now: DRIFT_NOW, drafts });
    });
  } finally {
    await app.close();
    await owner.close();
  }
});

test("a lathe's drift found by SPC opens as its control chart with the rule breaks marked", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, managerEmail);
  await page.goto("/insights");
  const feed = page.getByTestId("insight-feed");
  const finding = feed.getByRole("link").filter({ hasText: DRIFT_WORK_CENTER }).first();
  await expect(finding).toBeVisible();
  await finding.click();

  await expect(page.getByTestId("insight-status")).toHaveText("New");
  await page.screenshot({ path: "/tmp/insights-drift-detail.png", fullPage: true });
  await page.getByTestId("open-control-chart").click();
  await expect(page).toHaveURL(/\/insights\/spc\?workCenterId=.+&until=\d+/);
  const explorer = page.getByTestId("spc-explorer");
  await expect(explorer.getByLabel("Work center")).toHaveValue(/.+/);
  const charts = explorer.getByTestId("spc-chart");
  await expect(charts.first()).toBeVisible();
  await expect(explorer.getByRole("button", { name: "Up to now" })).toBeVisible();
  // Each product's chart says in its label how many points the rules flagged; the drift's are there.
  const labels = await charts.evaluateAll((elements) => elements.map((element) => element.getAttribute("aria-label")));
  expect(labels.some((label) => /[1-9]\d* points flagged/.test(label ?? ""))).toBe(true);
  await expect(explorer.getByText(/control limit|σ line|in a row/).first()).toBeVisible();
  await page.screenshot({ path: "/tmp/insights-spc-drift.png", fullPage: true });
});
