import { randomBytes } from "node:crypto";
import { createDatabase } from "@gemba/db/client";
import { storeInsightDrafts } from "@gemba/db/insights/store-insights";
import { deriveAppDatabaseUrl } from "@gemba/db/roles";
import { withTenant } from "@gemba/db/tenant-scope";
import type { TInsightDraft } from "@gemba/domain/insights/insight";
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { signInAs, tenantIdOf } from "./demo-helpers";
import { E2E_APP_PASSWORD, e2eOwnerUrl } from "./e2e-instance";

const HOUR = 3_600_000;
/** This run's mark on the titles: the e2e database is shared, other runs and specs may add insights. */
const run = randomBytes(3).toString("hex");
const titles = {
  spc: `Cycle time above the upper control limit (${run})`,
  anomaly: `Spindle temperature creeping up (${run})`,
  bottleneck: `CNC-102 constrains CNC Line 1 (${run})`,
};

type TPlace = { lineId: string; workCenters: Record<string, string> };

async function demoPlace(tenantId: string): Promise<TPlace> {
  const client = new pg.Client({ connectionString: e2eOwnerUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; code: string; lineId: string }>(
      `SELECT wc.id, wc.code, wc."lineId" FROM "WorkCenter" wc JOIN "Line" l ON l.id = wc."lineId"
        WHERE wc."tenantId" = $1 AND l.code = 'CNC1'`,
      [tenantId],
    );
    const lineId = rows[0]?.lineId;
    if (!lineId) throw new Error("the demo plant has no CNC1 line");
    return { lineId, workCenters: Object.fromEntries(rows.map((row) => [row.code, row.id])) };
  } finally {
    await client.end();
  }
}

function draft(place: TPlace, code: string, kind: TInsightDraft["kind"], title: string, now: number): TInsightDraft {
  const workCenterId = place.workCenters[code];
  if (!workCenterId) throw new Error(`the demo plant has no ${code}`);
  const points = Array.from({ length: 24 }, (_, index) => ({
    t: now - (24 - index) * HOUR,
    value: 70 + Math.sin(index) * 2 + (index > 19 ? 9 : 0),
  }));
  return {
    kind,
    subject:
      kind === "BOTTLENECK"
        ? { kind: "LINE", id: place.lineId, workCenterId: null, lineId: place.lineId }
        : { kind: "WORK_CENTER", id: workCenterId, workCenterId, lineId: place.lineId },
    dedupeKey: `e2e:${run}:${kind}`,
    title,
    explanation: `${code}: four of the last four cycles were above the upper control limit of 77.4 s, against a mean of 70.1 s.`,
    recommendation: "Check the tool for wear and the coolant flow before the next order starts.",
    evidence: {
      figures: [
        { label: "Mean", value: 70.1, unit: "s" },
        { label: "Upper control limit", value: 77.4, unit: "s" },
        { label: "Points above", value: 4 },
      ],
      chart: {
        unit: "s",
        points,
        lines: [
          { label: "UCL", value: 77.4 },
          { label: "Mean", value: 70.1 },
        ],
        marked: points.slice(-4).map((point) => point.t),
      },
    },
    confidence: 0.82,
    spanStart: points[0]?.t ?? now,
    spanEnd: now - HOUR,
  };
}

test.use({ viewport: { width: 1280, height: 900 } });

test.beforeAll(async () => {
  const tenantId = await tenantIdOf("demo");
  const place = await demoPlace(tenantId);
  const app = createDatabase({
    connectionString: deriveAppDatabaseUrl(e2eOwnerUrl(), E2E_APP_PASSWORD),
    applicationName: "gemba-e2e-insights",
  });
  try {
    const now = Date.now();
    // Stored one after the other so "newest first" puts the SPC finding on top.
    for (const [index, [code, kind, title]] of (
      [
        ["CNC-102", "BOTTLENECK", titles.bottleneck],
        ["CNC-102", "ANOMALY", titles.anomaly],
        ["CNC-101", "SPC", titles.spc],
      ] as const
    ).entries()) {
      await withTenant(app.prisma, tenantId, (tx) =>
        storeInsightDrafts(tx, { tenantId, now: now + index, drafts: [draft(place, code, kind, title, now)] }),
      );
    }
  } finally {
    await app.close();
  }
});

async function settled(page: Page) {
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
}

test("a manager works through the insights: feed, filters, evidence, status, feedback and a decision", async ({
  page,
}) => {
  await signInAs(page, "manager@demo.gemba.app");
  await page.goto("/dashboard");
  const panel = page.getByTestId("dashboard-insights");
  await expect(panel.getByText(titles.spc)).toBeVisible();
  await panel.screenshot({ path: "/tmp/insights-dashboard-panel.png" });

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" }).click();
  await expect(page).toHaveURL(/\/insights$/);
  const feed = page.getByTestId("insight-feed");
  await expect(feed.getByText(titles.spc)).toBeVisible();
  await expect(feed.getByText(titles.bottleneck)).toBeVisible();
  await settled(page);
  await page.screenshot({ path: "/tmp/insights-feed.png", fullPage: true });

  // Filters: a kind, then a status nobody has used yet for our findings.
  await feed.getByLabel("Kind").selectOption("BOTTLENECK");
  await expect(feed.getByText(titles.bottleneck)).toBeVisible();
  await expect(feed.getByText(titles.spc)).toBeHidden();
  await feed.getByLabel("Kind").selectOption("");
  await feed.getByLabel("Line").selectOption({ label: "CNC Line 1" });
  await expect(feed.getByText(titles.anomaly)).toBeVisible();
  await feed.getByLabel("Status").selectOption("DISMISSED");
  await expect(feed.getByText(titles.anomaly)).toBeHidden();
  await feed.getByLabel("Status").selectOption("");

  // The SPC finding: evidence, acknowledge, useful.
  await feed.getByText(titles.spc).click();
  await expect(page.getByRole("heading", { name: titles.spc, level: 1 })).toBeVisible();
  await expect(page.getByText("Check the tool for wear")).toBeVisible();
  await expect(page.getByTestId("evidence-chart").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByText("Upper control limit", { exact: true })).toBeVisible();
  await page.getByTestId("evidence-chart").screenshot({ path: "/tmp/insights-evidence-chart.png" });
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByTestId("insight-status")).toHaveText("Acknowledged");
  await page.getByRole("button", { name: "Useful", exact: true }).click();
  await expect(page.getByText(/Thanks\. This detector now weighs/)).toBeVisible();

  // A decision from the insight, listed on it afterwards.
  const decisionTitle = `Regrind the CNC-101 tool (${run})`;
  await page.getByTestId("insight-decisions").getByRole("button", { name: "Log a decision" }).click();
  const dialog = page.getByRole("dialog", { name: "Log a decision" });
  await expect(dialog.getByTestId("decision-situation")).toContainText(titles.spc);
  await dialog.getByLabel("What was decided").fill(decisionTitle);
  await dialog.getByLabel("Option 1", { exact: true }).fill("Regrind the tool tonight");
  await dialog.getByLabel("Why").fill("Cycle time is out of control and tool wear is the usual cause.");
  await dialog.getByLabel("Expected outcome").fill("Cycle time back under 72 s tomorrow.");
  await dialog.getByRole("button", { name: "Log decision" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("insight-decisions").getByRole("link", { name: decisionTitle })).toBeVisible();
  await settled(page);
  await page.screenshot({ path: "/tmp/insights-detail.png", fullPage: true });

  // The anomaly is dismissed, with a reason.
  await page.getByRole("link", { name: "All insights" }).click();
  await page.getByTestId("insight-feed").getByText(titles.anomaly).click();
  await page.getByRole("button", { name: "Dismiss…" }).click();
  const dismiss = page.getByRole("dialog", { name: "Dismiss this insight" });
  await dismiss.getByRole("button", { name: "Dismiss" }).click();
  await expect(dismiss.getByText("Say why it is dismissed")).toBeVisible();
  await dismiss.getByLabel("Reason").fill("The thermocouple was replaced that morning.");
  await dismiss.screenshot({ path: "/tmp/insights-dismiss-dialog.png" });
  await dismiss.getByRole("button", { name: "Dismiss" }).click();
  await expect(dismiss).toBeHidden();
  await expect(page.getByTestId("insight-status")).toHaveText("Dismissed");
  await expect(page.getByText("The thermocouple was replaced that morning.")).toBeVisible();
});

test("the demo plant's SPC and bottleneck charts, and the admin's detector page", async ({ page }) => {
  await signInAs(page, "manager@demo.gemba.app");
  await page.goto("/insights/spc");
  await expect(page.getByRole("heading", { name: "Pick a work center" })).toBeVisible();
  // The e2e plant has 3 days of history and limits come from the history before the period: the
  // last 24 hours of the stamping press PRS-204 (a fast part, many points) have limits to draw.
  const picker = page.getByLabel("Work center");
  const press = await picker.locator("option", { hasText: "PRS-204" }).getAttribute("value");
  await picker.selectOption(press ?? "");
  await page.getByRole("button", { name: "24 hours" }).click();
  await expect(page.getByTestId("spc-chart").first().locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByText("UCL / LCL (±3σ)")).toBeVisible();
  await expect(page.getByText(/ · mean /).first()).toBeVisible();
  await settled(page);
  await page.screenshot({ path: "/tmp/insights-spc.png", fullPage: true });

  await page.getByRole("link", { name: "Bottlenecks" }).click();
  await page.getByLabel("Line").selectOption({ label: "CNC Line 1" });
  await expect(page.getByTestId("bottleneck-chart").locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("bottleneck-explanation")).not.toBeEmpty();
  await settled(page);
  await page.screenshot({ path: "/tmp/insights-bottlenecks.png", fullPage: true });

  await page.context().clearCookies();
  await signInAs(page, "admin@demo.gemba.app");
  await page.goto("/admin/insights");
  const detectors = page.getByTestId("detector-settings");
  await expect(detectors.getByRole("checkbox", { name: "SPC detector on" })).toBeChecked();
  // Trained or not, the admin reads how it does or, in words, why it cannot train yet.
  await expect(page.getByTestId("maintenance-model")).toContainText(
    /Precision|Needs at least|training day|No days are left/,
  );
  await settled(page);
  await page.screenshot({ path: "/tmp/insights-admin.png", fullPage: true });
});
