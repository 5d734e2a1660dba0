import { testEnv } from "@gemba/db/testing/test-env";
import { QUEUES } from "@gemba/jobs/constants";
import { createQueues } from "@gemba/jobs/queue";
import { expect, type Page, test } from "@playwright/test";
import { Redis } from "ioredis";
import pg from "pg";
import { signInAs, tenantIdOf } from "./demo-helpers";
import { e2eOwnerUrl, e2eQueuePrefix } from "./e2e-instance";

const SHOTS = "/tmp";

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eOwnerUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Work centers the web app asked the worker to re-derive (no worker runs here, so the jobs wait). */
async function queuedRefreshes(): Promise<string[]> {
  const redis = new Redis(testEnv.TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const queues = createQueues(redis, e2eQueuePrefix());
  try {
    const jobs = await queues.get(QUEUES.execution).getJobs(["waiting", "delayed", "prioritized"]);
    return jobs.map((job) => (job.data as { workCenterId: string }).workCenterId);
  } finally {
    await queues.close();
    redis.disconnect();
  }
}

async function openAdminTab(page: Page, name: string, path: RegExp) {
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name }).click();
  await expect(page).toHaveURL(path);
}

test("an admin edits the reason tree and work center thresholds, and history is recalculated", async ({ page }) => {
  test.setTimeout(120_000);
  const demo = await tenantIdOf("demo");
  const workCenters = new Map(
    (await query<{ id: string; code: string }>(`SELECT id, code FROM "WorkCenter" WHERE "tenantId" = $1`, [demo])).map(
      (row) => [row.code, row.id],
    ),
  );
  const jamWorkCenters = await query<{ workCenterId: string }>(
    `SELECT DISTINCT "workCenterId" FROM "StateInterval" WHERE "tenantId" = $1 AND "reasonCode" = 'JAM'`,
    [demo],
  );

  await signInAs(page, "admin@demo.gemba.app");
  await page.goto("/admin/members");
  await openAdminTab(page, "Reason codes", /\/admin\/reasons$/);

  // The default tree, with the loss each reason counts against.
  await expect(page.getByRole("heading", { name: "Reason codes", level: 2 })).toBeVisible();
  const jam = page.locator('tr[data-reason-code="JAM"]');
  await expect(jam).toContainText("Part jam");
  await expect(jam).toContainText("Equipment failure");
  await expect(page.locator('tr[data-reason-code="BREAK"]')).toContainText("Planned time off");
  await page.screenshot({ path: `${SHOTS}/settings-reasons.png`, fullPage: true });

  // A new reason: the code follows the label; the losses offered follow what it explains.
  const flow = page.getByRole("region", { name: "Flow and minor stops" });
  await flow.getByRole("button", { name: "Add reason to Flow and minor stops" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Label" }).fill("Coolant low");
  await expect(dialog.getByRole("textbox", { name: "Code" })).toHaveValue("COOLANT_LOW");
  await dialog.getByRole("radio", { name: /^Scrapped parts/ }).check();
  await expect(dialog.getByRole("radio", { name: /^Equipment failure/ })).toHaveCount(0);
  await expect(dialog.getByRole("checkbox", { name: "Planned time off" })).toHaveCount(0);
  await dialog.getByRole("radio", { name: /^Idle/ }).check();
  await dialog.getByRole("radio", { name: /^Idling and minor stops/ }).check();
  await expect(dialog.getByText("counts as idling and minor stops and lowers performance")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/settings-reason-dialog.png` });
  await dialog.getByRole("button", { name: "Add reason" }).click();
  await expect(page.getByTestId("settings-toast")).toContainText("Added Coolant low (COOLANT_LOW).");
  await expect(flow.locator('tr[data-reason-code="COOLANT_LOW"]')).toContainText("Idling and minor stops");

  // Codes are unique: the API's answer shows in the dialog.
  await page
    .getByRole("region", { name: "Breakdowns" })
    .getByRole("button", { name: "Add reason to Breakdowns" })
    .click();
  await dialog.getByRole("textbox", { name: "Label" }).fill("Jammed again");
  await dialog.getByRole("textbox", { name: "Code" }).fill("JAM");
  await dialog.getByRole("button", { name: "Add reason" }).click();
  await expect(dialog.getByRole("alert")).toContainText('The code JAM is already used by "Part jam"');
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  // Changing a loss mapping recalculates every work center whose timeline carries the reason.
  await jam.getByRole("button", { name: "Edit Part jam" }).click();
  await dialog.getByRole("radio", { name: /^Setup and adjustment/ }).check();
  await expect(dialog.getByText("Saving changes how JAM counts")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/settings-reason-edit.png` });
  await dialog.getByRole("button", { name: "Save reason" }).click();
  const toast = page.getByTestId("settings-toast");
  await expect(toast).toContainText("Saved Part jam (JAM).");
  if (jamWorkCenters.length > 0) {
    const count = jamWorkCenters.length === 1 ? "1 work center" : `${jamWorkCenters.length} work centers`;
    await expect(toast).toContainText(`Recalculating timelines and OEE of ${count}`);
    const queued = await queuedRefreshes();
    for (const { workCenterId } of jamWorkCenters) expect(queued).toContain(workCenterId);
  }
  await expect(jam).toContainText("Setup and adjustment");
  await page.screenshot({ path: `${SHOTS}/settings-reasons-saved.png` });

  // Deactivate, never delete: the dialog says why.
  const hydraulic = page.locator('tr[data-reason-code="FAIL_HYD"]');
  await hydraulic.getByRole("button", { name: "Deactivate Hydraulic failure" }).click();
  await expect(dialog).toContainText("Reasons are never deleted");
  await dialog.getByRole("button", { name: "Deactivate reason" }).click();
  await expect(hydraulic).toContainText("Inactive");
  await expect(hydraulic.getByRole("button", { name: "Reactivate Hydraulic failure" })).toBeVisible();
  await page.getByRole("region", { name: "Breakdowns" }).screenshot({ path: `${SHOTS}/settings-breakdowns.png` });

  // Work center thresholds, by line.
  await openAdminTab(page, "Work centers", /\/admin\/work-centers$/);
  const micro = page.getByRole("spinbutton", { name: "Minor-stop threshold of CNC-101 (seconds)" });
  await expect(micro).toHaveValue("120");
  await micro.fill("5000");
  const row = page.locator('tr[data-work-center-code="CNC-101"]');
  await expect(row).toContainText("At most 30 min (1800 s)");
  await expect(row.getByRole("button", { name: "Save CNC-101" })).toBeDisabled();
  await micro.fill("90");
  await expect(row).toContainText("= 1 min 30 s");
  await page.screenshot({ path: `${SHOTS}/settings-work-centers-editing.png`, fullPage: true });
  await row.getByRole("button", { name: "Save CNC-101" }).click();
  await expect(toast).toContainText("Saved the thresholds of CNC-101.");
  await expect(toast).toContainText("Recalculating timelines and OEE of 1 work center");
  expect(await queuedRefreshes()).toContain(workCenters.get("CNC-101"));

  await page.getByRole("button", { name: "Apply to whole line CNC Line 1" }).click();
  await expect(dialog).toContainText("DBR-104");
  await dialog.getByRole("spinbutton", { name: "Signal timeout for the line (seconds)" }).fill("900");
  await page.screenshot({ path: `${SHOTS}/settings-line-dialog.png` });
  await dialog.getByRole("button", { name: "Apply to line" }).click();
  await expect(toast).toContainText("Applied to CNC Line 1: 4 work centers changed.");
  for (const code of ["CNC-101", "CNC-102", "CNC-103", "DBR-104"]) {
    await expect(page.getByRole("spinbutton", { name: `Signal timeout of ${code} (seconds)` })).toHaveValue("900");
  }
  await page.screenshot({ path: `${SHOTS}/settings-work-centers.png`, fullPage: true });

  await page.reload();
  await expect(page.getByRole("spinbutton", { name: "Minor-stop threshold of CNC-101 (seconds)" })).toHaveValue("90");

  // Every change is in the audit log.
  await openAdminTab(page, "Audit log", /\/admin\/audit$/);
  await expect(page.getByText(/^Changed reason JAM: counts as Equipment failure/)).toBeVisible();
  await expect(page.getByText(/^Set CNC-101 thresholds: minor stop 120 s → 90 s/)).toBeVisible();
  await expect(page.getByText(/^Deactivated reason FAIL_HYD/)).toBeVisible();
  // …and the database vouches that nothing in the trail was altered since.
  await expect(page.getByTestId("audit-chain")).toContainText("Intact");
});
