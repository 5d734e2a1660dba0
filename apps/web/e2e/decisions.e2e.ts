import { expect, test } from "@playwright/test";
import pg from "pg";
import { signInAs, tenantIdOf } from "./demo-helpers";
import { e2eOwnerUrl } from "./e2e-instance";

/** The demo plant's most recent stop: the situation a decision is logged from. */
async function latestStop(): Promise<{ workCenterId: string; stopStart: Date; code: string }> {
  const tenantId = await tenantIdOf("demo");
  const client = new pg.Client({ connectionString: e2eOwnerUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ workCenterId: string; stopStart: Date; code: string }>(
      `SELECT si."workCenterId", si."stopStart", wc.code FROM "StateInterval" si
         JOIN "WorkCenter" wc ON wc.id = si."workCenterId"
        WHERE si."tenantId" = $1 AND si.state = 'DOWN' AND si."stopStart" IS NOT NULL
        ORDER BY si.start DESC LIMIT 1`,
      [tenantId],
    );
    if (!rows[0]) throw new Error("the demo plant has no stop");
    return rows[0];
  } finally {
    await client.end();
  }
}

test("a manager logs a decision with a review date, finds it in the log, and closes its review task", async ({
  page,
}) => {
  const title = `Run the weekend order on PRS-202 (${Date.now()})`;
  await signInAs(page, "manager@demo.gemba.app");
  await page.getByRole("link", { name: "Decisions" }).click();
  await expect(page).toHaveURL(/\/decisions$/);
  await expect(page.getByRole("heading", { name: "Decisions", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Decision log" })).toBeVisible();
  await expect(page.getByTestId("decision-list").locator("[aria-busy='true']")).toHaveCount(0);
  await page.screenshot({ path: "/tmp/decisions-empty.png" });

  await page.getByRole("button", { name: "Log a decision" }).click();
  const dialog = page.getByRole("dialog", { name: "Log a decision" });
  await expect(dialog).toBeVisible();
  // Submitting empty says what is missing, field by field.
  await dialog.getByRole("button", { name: "Log decision" }).click();
  await expect(dialog.getByText("Say in one line what was decided.")).toBeVisible();

  await dialog.getByLabel("What was decided").fill(title);
  await dialog.getByLabel("Option 1", { exact: true }).fill("Move it to PRS-202");
  await dialog.getByLabel("Option 2", { exact: true }).fill("Wait for the PRS-201 pump");
  await dialog.getByLabel("Note on option 2").fill("Misses Friday's pickup");
  await dialog.getByLabel("Why").fill("PRS-201 waits for a hydraulic pump until Monday; PRS-202 runs the same die.");
  await dialog.getByLabel("Constraint kind").selectOption("DUE_DATE");
  await dialog.getByLabel("Constraint detail").fill("Customer pickup Friday 14:00");
  await dialog.getByRole("button", { name: "Add constraint" }).click();
  await expect(dialog.getByTestId("constraint-chip")).toHaveText(/Due date\s*Customer pickup Friday 14:00/);
  await dialog.getByLabel("Expected outcome").fill("The order ships Friday with the pickup.");
  await dialog.getByRole("button", { name: "In 3 days" }).click();
  await expect(dialog.getByLabel("Review date")).not.toHaveValue("");
  await dialog.screenshot({ path: "/tmp/decisions-dialog.png" });
  await dialog.getByRole("button", { name: "Log decision" }).click();
  await expect(dialog).toBeHidden();

  // The new decision is first in the log and opens beside it.
  const row = page.getByTestId("decision-row").filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(page.getByTestId("decision-row").first()).toContainText(title);
  const detail = page.getByTestId("decision-detail");
  await expect(detail.getByRole("heading", { name: title })).toBeVisible();
  await expect(detail.locator("[data-chosen='true']")).toContainText("Move it to PRS-202");
  await expect(detail.locator("[data-chosen='false']")).toContainText("Misses Friday's pickup");
  await expect(detail.getByTestId("constraint-chip")).toContainText("Customer pickup Friday 14:00");
  await expect(detail.getByText(/Review task for Morgan Manager/)).toBeVisible();
  await expect(detail.getByTestId("context-snapshot")).toBeVisible();
  await expect(detail.getByTestId("why-timeline")).toBeVisible();
  await page.screenshot({ path: "/tmp/decisions-page.png", fullPage: true });

  // Search finds it; a constraint it does not have hides it.
  await page.getByLabel("Search").fill("weekend order");
  await expect(page.getByTestId("decision-row")).toHaveCount(1);
  await page.getByLabel("Constraint").selectOption("SAFETY");
  await expect(page.getByText("No decision matches")).toBeVisible();
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(row).toBeVisible();

  // The review is a task in the manager's inbox: acknowledge it, then complete it.
  await page.getByRole("link", { name: "Tasks" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  const task = page.getByTestId("task-card").filter({ hasText: `Review the outcome: ${title}` });
  await expect(task).toBeVisible();
  await expect(task.getByTestId("task-status")).toHaveText("Open");
  await expect(task.getByTestId("task-due")).toContainText("Due");
  await page.screenshot({ path: "/tmp/decisions-tasks.png", fullPage: true });
  await task.getByRole("button", { name: "Acknowledge" }).click();
  await expect(task.getByTestId("task-status")).toHaveText("Acknowledged");
  await task.getByRole("button", { name: "Complete…" }).click();
  const close = page.getByRole("dialog", { name: "Complete the task" });
  await close.getByLabel("What was done").fill("Reviewed with the shift lead: shipped Friday as planned.");
  await close.getByRole("button", { name: "Mark as done" }).click();
  await expect(close).toBeHidden();
  await expect(task).toBeHidden();

  await page.getByRole("button", { name: "Done and cancelled" }).click();
  const done = page.getByTestId("task-card").filter({ hasText: `Review the outcome: ${title}` });
  await expect(done.getByTestId("task-status")).toHaveText("Done");
  await expect(done).toContainText("shipped Friday as planned");
  await page.screenshot({ path: "/tmp/decisions-tasks-done.png", fullPage: true });
});

test("from a stop's why-timeline, a decision is logged with the stop linked and the line's context frozen", async ({
  page,
}) => {
  const stop = await latestStop();
  const title = `Call the hydraulics contractor for ${stop.code} (${Date.now()})`;
  await signInAs(page, "manager@demo.gemba.app");
  await page.goto(
    `/decisions/why?workCenterId=${stop.workCenterId}&stopStart=${encodeURIComponent(stop.stopStart.toISOString())}`,
  );
  await expect(page.getByRole("heading", { name: `${stop.code} stop` })).toBeVisible();
  const timeline = page.getByTestId("why-timeline");
  await expect(timeline.getByTestId("why-item").first()).toBeVisible();
  await expect(timeline.locator("[data-kind='STATE']").first()).toBeVisible();

  await page.getByRole("button", { name: "Log a decision about it" }).click();
  const dialog = page.getByRole("dialog", { name: "Log a decision" });
  await expect(dialog.getByTestId("decision-situation")).toContainText(stop.code);
  await dialog.getByLabel("What was decided").fill(title);
  await dialog.getByLabel("Option 1", { exact: true }).fill("Call the contractor now");
  await dialog.getByLabel("Why").fill("Our own hydraulics technician is off until Monday.");
  await dialog.getByLabel("Constraint kind").selectOption("STAFFING");
  // Typed but not added with its button: logged all the same.
  await dialog.getByLabel("Constraint detail").fill("No hydraulics technician on shift");
  await dialog.getByLabel("Expected outcome").fill(`${stop.code} runs again within 4 hours.`);
  await dialog.getByRole("button", { name: "Log decision" }).click();
  await expect(dialog).toBeHidden();

  // The timeline now holds the decision and its constraint.
  await expect(timeline.locator("[data-kind='DECISION']").filter({ hasText: title })).toBeVisible();
  await expect(timeline.locator("[data-kind='CONSTRAINT']").first()).toContainText("No hydraulics technician on shift");
  await page.screenshot({ path: "/tmp/decisions-why-downtime.png", fullPage: true });

  await page.getByRole("link", { name: "Open the decision" }).click();
  const detail = page.getByTestId("decision-detail");
  await expect(detail.getByRole("heading", { name: title })).toBeVisible();
  await expect(detail.getByText("From a downtime")).toBeVisible();
  await expect(detail.getByRole("link", { name: new RegExp(`^${stop.code} down from`) })).toBeVisible();
  const snapshot = detail.getByTestId("context-snapshot");
  await expect(snapshot).toContainText(stop.code);
  await expect(snapshot.locator("[data-focus='true']")).toContainText(stop.code);
  await page.screenshot({ path: "/tmp/decisions-from-downtime.png" });
  await snapshot.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/decisions-snapshot.png" });
  await detail.getByTestId("why-timeline").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/decisions-detail-why.png" });
});

test("an operator on a portrait tablet writes a reminder, acknowledges it and completes it; decisions stay with managers", async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 1280 });
  await signInAs(page, "operator@demo.gemba.app");
  await page.goto("/tasks");
  await expect(page.getByRole("heading", { name: "Tasks", level: 1 })).toBeVisible();
  // Nothing is assigned to operators in the demo plant yet: the inbox says what will appear.
  await expect(page.getByText("Nothing to do right now")).toBeVisible();
  await page.screenshot({ path: "/tmp/decisions-operator-inbox.png" });

  const title = `Refill the coolant on PRS-203 (${Date.now()})`;
  await page.getByRole("button", { name: "New task" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New task" });
  await dialog.getByLabel("Task", { exact: true }).fill(title);
  await dialog.getByLabel("Priority").selectOption("HIGH");
  await dialog.getByRole("button", { name: "Create task" }).click();
  await expect(dialog).toBeHidden();

  const task = page.getByTestId("task-card").filter({ hasText: title });
  await expect(task).toContainText("For you");
  await expect(task.getByRole("button", { name: "Cancel task…" })).toHaveCount(0);
  await task.getByRole("button", { name: "Acknowledge" }).click();
  await expect(task.getByTestId("task-status")).toHaveText("Acknowledged");
  await page.screenshot({ path: "/tmp/decisions-operator-task.png" });
  await task.getByRole("button", { name: "Complete…" }).click();
  const close = page.getByRole("dialog", { name: "Complete the task" });
  await close.getByLabel("What was done").fill("Topped up to the mark");
  await close.getByRole("button", { name: "Mark as done" }).click();
  await expect(task).toBeHidden();

  // The decision log is for managers: operators are sent home, and the menu does not offer it.
  await page.getByRole("button", { name: "Open navigation" }).click();
  await expect(page.getByRole("link", { name: "Tasks" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Decisions" })).toHaveCount(0);
  await page.goto("/decisions");
  await expect(page).not.toHaveURL(/\/decisions/);
});
