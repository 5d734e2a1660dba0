import { testEnv } from "@gemba/db/testing/test-env";
import { liveChannel } from "@gemba/jobs/live-bus";
import { expect, test } from "@playwright/test";
import { Redis } from "ioredis";
import { signInAs, tenantIdOf } from "./demo-helpers";

test("the plant manager sees the floor live, the OEE trend by day, shift and week, OEE by order and product, and a work center's timeline", async ({
  page,
}) => {
  const demo = await tenantIdOf("demo");
  await signInAs(page, "manager@demo.gemba.app");
  await expect(page).toHaveURL(/\/dashboard$/);

  const tiles = page.getByTestId("work-center-tile");
  await expect(tiles.first()).toBeVisible();
  expect(await tiles.count()).toBeGreaterThan(1);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();

  // A tile not already down, so the change is visible.
  const states = await tiles.getByTestId("tile-state").allTextContents();
  const index = states.findIndex((state) => state.trim() !== "Down");
  expect(index).toBeGreaterThanOrEqual(0);
  const tile = tiles.nth(index);
  const workCenterId = await tile.getAttribute("data-work-center-id");
  expect(workCenterId).toBeTruthy();

  const redis = new Redis(testEnv.TEST_REDIS_URL);
  try {
    const now = new Date().toISOString();
    const message = {
      type: "execution",
      execution: {
        workCenterId,
        state: "DOWN",
        since: now,
        reasonCode: null,
        unclassified: true,
        changedFrom: now,
        changedTo: now,
      },
    };
    await redis.publish(liveChannel(demo), JSON.stringify(message));
  } finally {
    redis.disconnect();
  }
  // No reload: the tile follows the stream, and marks the stop as waiting for a reason.
  await expect(tile.getByTestId("tile-state")).toHaveText("Down");
  await expect(tile).toHaveAttribute("data-state", "DOWN");
  await expect(tile.getByText("Unclassified stop")).toBeVisible();

  const trend = page.getByTestId("oee-trend");
  await trend.scrollIntoViewIfNeeded();
  await expect(trend.getByRole("heading", { name: "OEE trend" })).toBeVisible();
  await expect(trend.locator(".recharts-line").first()).toBeVisible();
  await trend.getByRole("button", { name: "By shift" }).click();
  await expect(trend.getByRole("button", { name: "By shift" })).toHaveAttribute("aria-pressed", "true");
  await expect(trend.locator(".recharts-line").first()).toBeVisible();
  // ISO weeks over the last 30 days: not a whole number of weeks, so a week the dates cut says so.
  await page.getByRole("button", { name: "30 days", exact: true }).click();
  await trend.getByRole("button", { name: "By week" }).click();
  await expect(trend.getByRole("button", { name: "By week" })).toHaveAttribute("aria-pressed", "true");
  await expect(trend.getByText(/^W\d{2}$/).first()).toBeVisible();
  await expect(trend.getByText(/W\d{2} \(partial\)/).first()).toBeVisible();
  await expect(trend.getByText(/Weeks run Monday to Sunday/)).toBeVisible();

  const byOrder = page.getByTestId("order-oee");
  await byOrder.scrollIntoViewIfNeeded();
  await expect(byOrder.getByRole("heading", { name: "OEE by order and product" })).toBeVisible();
  const orderRows = byOrder.getByTestId("order-oee-row");
  await expect(orderRows.first()).toBeVisible();
  // Lowest OEE first, sorted by the server: the badges read in ascending order, rows without OEE last.
  await byOrder.getByTestId("sort-by-oee").click();
  await expect(byOrder.locator("th[aria-sort='ascending']")).toBeVisible();
  await expect(byOrder.locator("[data-stale]")).toHaveCount(0);
  const shown = (await orderRows.getByTestId("oee-cell").allTextContents()).map((text) => text.trim());
  const values = shown.filter((text) => text !== "—").map((text) => Number.parseFloat(text));
  expect(values.length).toBeGreaterThan(0);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  expect(shown.slice(values.length).every((text) => text === "—")).toBe(true);

  await byOrder.getByRole("button", { name: "By product" }).click();
  await expect(byOrder.getByTestId("product-oee-row").first()).toBeVisible();
  const download = page.waitForEvent("download");
  await byOrder.getByRole("button", { name: "Download CSV: OEE by product" }).click();
  expect((await download).suggestedFilename()).toMatch(/^oee-by-product_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);

  await tiles.first().click();
  await expect(page).toHaveURL(/\/dashboard\/work-centers\/[0-9a-f-]+$/);
  const timeline = page.getByTestId("work-center-timeline");
  await expect(timeline.getByRole("heading", { name: "State timeline" })).toBeVisible();
  await expect(timeline.getByTestId("timeline-segment").first()).toBeVisible();
  await timeline.getByTestId("timeline-segment").first().hover();
  await expect(timeline.getByRole("tooltip")).toBeVisible();
});
