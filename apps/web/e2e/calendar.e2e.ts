import { testEnv } from "@gemba/db/testing/test-env";
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { signInAs, tenantIdOf } from "./demo-helpers";
import { e2eDatabaseName } from "./e2e-instance";

const ADMIN = "admin@demo.gemba.app";

/** The instance's database as its owner (row-level security does not apply): to set up and remove fixtures. */
async function withE2eDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(testEnv.TEST_DATABASE_URL);
  url.pathname = `/${e2eDatabaseName()}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A local date in Chicago (the demo site's zone), `days` from today, as a date input takes it. */
function chicagoDate(days: number): string {
  const now = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Chicago" }).format(now);
}

async function openCalendar(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin\/members$/);
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Shift calendar" }).click();
  await expect(page).toHaveURL(/\/admin\/calendar/);
}

test("an admin plans a maintenance window and changes a shift, and sees both in the calendar and the audit log", async ({
  page,
}) => {
  await signInAs(page, ADMIN);
  await openCalendar(page);

  // The demo site's current pattern: a week grid and the shifts in words.
  await expect(page.getByRole("heading", { name: "Two shifts, Mon–Fri" })).toBeVisible();
  await expect(page.getByText("In effect")).toBeVisible();
  const shifts = page.getByRole("table", { name: "Shifts of this pattern" });
  await expect(shifts.getByRole("row")).toHaveCount(3);
  await expect(shifts.getByRole("row").filter({ hasText: "Late" })).toContainText("14:00–22:00");
  await expect(page.getByTestId("week-day-1").getByRole("button", { name: /^Edit Late, Monday/ })).toBeVisible();
  await expect(page.getByTestId("week-day-6").getByRole("button")).toHaveCount(0);
  await page.screenshot({ path: "/tmp/calendar-data.png", fullPage: true });

  // A planned maintenance window next week, in the site's local time.
  const day = chicagoDate(7);
  await page.getByRole("button", { name: "Add period" }).click();
  const periodDialog = page.getByRole("dialog", { name: "Add no-shift period" });
  await expect(periodDialog.getByRole("radio", { name: /Planned maintenance/ })).toBeChecked();
  await periodDialog.getByLabel("Description").fill("Press line annual service");
  await periodDialog.getByLabel("Start date").fill(day);
  await periodDialog.getByLabel("Start time").fill("06:00");
  await periodDialog.getByLabel("End date").fill(day);
  await periodDialog.getByLabel("End time").fill("05:00");
  await periodDialog.getByRole("button", { name: "Add period" }).click();
  await expect(periodDialog.getByText("The end is before the start. Check the dates and times.")).toBeVisible();
  await periodDialog.getByLabel("End time").fill("14:00");
  await expect(periodDialog.getByText(/^8 h:/)).toBeVisible();
  await page.screenshot({ path: "/tmp/calendar-period-dialog.png" });
  await periodDialog.getByRole("button", { name: "Add period" }).click();
  await expect(periodDialog).toBeHidden();
  await expect(page.getByText('Planned maintenance "Press line annual service" saved.')).toBeVisible();
  // Next week has no derived data yet: nothing to recalculate.
  await expect(page.getByText(/Nothing to recalculate/)).toBeVisible();
  const upcoming = page.getByRole("table", { name: "Ongoing and upcoming" });
  const row = upcoming.getByRole("row").filter({ hasText: "Press line annual service" });
  await expect(row).toContainText("Planned maintenance");
  await expect(row).toContainText("06:00–14:00");
  await expect(row).toContainText("8 h");

  // A shift change: the late shift runs half an hour longer. Off-quarter and overlapping times are refused first.
  await shifts.getByRole("button", { name: "Edit shift Late" }).click();
  const shiftDialog = page.getByRole("dialog", { name: 'Edit shift "Late"' });
  await shiftDialog.getByLabel("End", { exact: true }).fill("22:10");
  await shiftDialog.getByRole("button", { name: "Save shift" }).click();
  await expect(shiftDialog.getByText(/Ends at 22:10, not on a quarter hour/)).toBeVisible();
  await shiftDialog.getByLabel("Start", { exact: true }).fill("13:00");
  await expect(shiftDialog.getByText(/Overlaps "Early" \(06:00–14:00\) on Mon–Fri, 13:00–14:00/)).toBeVisible();
  await page.screenshot({ path: "/tmp/calendar-shift-errors.png" });
  await shiftDialog.getByLabel("Start", { exact: true }).fill("14:00");
  await shiftDialog.getByLabel("End", { exact: true }).fill("22:30");
  await expect(shiftDialog.getByText("8 h 30 min · 14:00–22:30")).toBeVisible();
  await shiftDialog.getByRole("button", { name: "Save shift" }).click();
  await expect(shiftDialog).toBeHidden();
  await expect(page.getByText('Shift "Late" saved.')).toBeVisible();
  await expect(page.getByText(/State timelines and OEE of \d+ work centers are being recalculated from/)).toBeVisible();
  await expect(shifts.getByRole("row").filter({ hasText: "Late" })).toContainText("14:00–22:30");
  await expect(
    page.getByTestId("week-day-1").getByRole("button", { name: /^Edit Late, Monday 14:00–22:30/ }),
  ).toBeVisible();
  await page.screenshot({ path: "/tmp/calendar-after-changes.png", fullPage: true });

  // Both changes are in the audit log.
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Audit log" }).click();
  await expect(
    page.getByText(/Added planned maintenance "Press line annual service", .* \(America\/Chicago\) at Riverside Plant/),
  ).toBeVisible();
  await expect(
    page.getByText(
      /Changed shift "Late" \(Mon–Fri 14:00–22:00\) of pattern "Two shifts, Mon–Fri" to "Late" \(Mon–Fri 14:00–22:30\)/,
    ),
  ).toBeVisible();
});

test("a site without a calendar says what to do, and a failed load offers to try again", async ({ page }) => {
  const demo = await tenantIdOf("demo");
  const siteId = await withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Site" ("tenantId", code, name, "timeZone") VALUES ($1, 'E2E-CAL', 'Lakeside Plant', 'America/Chicago') RETURNING id`,
      [demo],
    );
    return rows[0]?.id ?? "";
  });
  try {
    await signInAs(page, ADMIN);
    await page.goto(`/admin/calendar?site=${siteId}`);
    await expect(page.getByRole("combobox", { name: "Site" })).toHaveValue(siteId);
    await expect(page.getByRole("heading", { name: "No shift pattern yet" })).toBeVisible();
    await expect(
      page.getByText(/Gemba counts every hour at Lakeside Plant as planned production time \(24\/7\)/),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "No holidays, shutdowns or maintenance planned" })).toBeVisible();
    await page.screenshot({ path: "/tmp/calendar-empty.png", fullPage: true });

    // The first pattern, with one shift: the empty state gives way to the week.
    await page.getByRole("button", { name: "Create shift pattern" }).click();
    const patternDialog = page.getByRole("dialog", { name: "Create the shift pattern" });
    await patternDialog.getByLabel("Pattern name").fill("Day shift only");
    await page.screenshot({ path: "/tmp/calendar-pattern-dialog.png" });
    await patternDialog.getByRole("button", { name: "Create pattern" }).click();
    await expect(page.getByRole("heading", { name: "Day shift only" })).toBeVisible();
    await page.getByRole("button", { name: "Add shift" }).click();
    const shiftDialog = page.getByRole("dialog", { name: "Add shift" });
    await shiftDialog.getByLabel("Shift name").fill("Day");
    await shiftDialog.getByRole("button", { name: "Add break" }).click();
    await expect(shiftDialog.getByLabel("Break 1 start")).toHaveValue("10:00");
    await shiftDialog.getByRole("button", { name: "Add shift" }).click();
    await expect(shiftDialog).toBeHidden();
    await expect(page.getByRole("table", { name: "Shifts of this pattern" })).toContainText("Lunch 10:00–10:30");

    // The calendar's API unreachable: each card says so and offers to try again.
    await page.route(/\/api\/trpc\/.*calendar\.(overview|noShiftPeriods)/, (route) => route.abort());
    await page.reload();
    await expect(page.getByText("The shift patterns could not be loaded.")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("Holidays and maintenance windows could not be loaded.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" }).first()).toBeVisible();
    await page.screenshot({ path: "/tmp/calendar-error.png", fullPage: true });
  } finally {
    await withE2eDatabase((client) => client.query(`DELETE FROM "Site" WHERE id = $1`, [siteId]));
  }
});
