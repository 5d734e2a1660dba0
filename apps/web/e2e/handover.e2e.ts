import { expect, test } from "@playwright/test";
import { signInAs } from "./demo-helpers";

test("the outgoing lead drafts, writes and signs the handover; the next lead acknowledges it; search finds it", async ({
  page,
  browser,
}, testInfo) => {
  // A word nobody else writes, so the search below can only find this handover.
  const word = `gearbox${Date.now().toString(36)}`;
  const notes = `Die set 14 on the press line is cracked: use set 15. The ${word} on PRS-201 hums, watch it.`;

  await signInAs(page, "operator@demo.gemba.app");
  // Operators land on the floor tablet; the handover is in the main navigation of the other pages.
  await page.goto("/tasks");
  await page.getByRole("link", { name: "Handover" }).click();
  await expect(page).toHaveURL(/\/handover$/);
  await expect(page.getByRole("heading", { name: "Shift handover", level: 1 })).toBeVisible();
  // Empty on a fresh plant; a worker running alongside (other browser tests start one) may already
  // have drafted the shift that just ended. Either way "Draft now" brings the draft up to date.
  await expect(
    page.getByRole("heading", { name: "No handover yet" }).or(page.getByTestId("handover-view")),
  ).toBeVisible();
  await page.screenshot({ path: "/tmp/handover-before-draft.png", fullPage: true });

  // Draft now: the running shift of the demo plant, or the last one that ended.
  await page.getByRole("button", { name: "Draft now" }).click();
  const view = page.getByTestId("handover-view");
  await expect(view).toBeVisible();
  await expect(view.getByTestId("handover-status")).toHaveText("Draft");
  await expect(view.getByRole("heading", { level: 2 })).toContainText(/(Early|Late) shift · /);
  await expect(view.getByTestId("handover-kpis")).toContainText("OEE");
  await expect(view.getByTestId("handover-losses")).toContainText("Equipment failure");
  for (const panel of ["downtimes", "unclassified", "orders", "tasks", "decisions"]) {
    await expect(view.getByTestId(`handover-${panel}`)).toBeVisible();
  }

  const sidewaysIn = (report: typeof view) =>
    report.evaluate((element) =>
      Math.max(0, ...[...element.querySelectorAll(".table-wrap")].map((wrap) => wrap.scrollWidth - wrap.clientWidth)),
    );
  expect(await sidewaysIn(view)).toBe(0);

  // The lead's notes save as they type.
  await view.getByTestId("handover-notes-input").fill(notes);
  await expect(view.getByTestId("handover-save-state")).toHaveText(/Saved at \d\d:\d\d/);
  await page.screenshot({ path: "/tmp/handover-draft.png", fullPage: true });
  await view.getByTestId("handover-kpis").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/handover-top.png" });
  await view.getByTestId("handover-downtimes").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/handover-panels.png" });
  // Reloaded, the notes are still there.
  await page.reload();
  await expect(page.getByTestId("handover-notes-input")).toHaveValue(notes);
  // A last line typed right before signing is saved first, then signed with the rest.
  const lastLine = " Call Dana if it gets louder.";
  await page.getByTestId("handover-notes-input").press("End");
  await page.getByTestId("handover-notes-input").pressSequentially(lastLine);

  await page.getByRole("button", { name: "Sign and hand over" }).click();
  const signDialog = page.getByRole("dialog", { name: "Sign and hand over?" });
  await expect(signDialog).toBeVisible();
  await signDialog.getByRole("button", { name: "Sign and hand over" }).click();
  await expect(signDialog).toBeHidden();
  await expect(view.getByTestId("handover-status")).toHaveText("Signed, to acknowledge");
  await expect(view.getByTestId("handover-signed-by")).toContainText("Omar Operator");
  await expect(view.getByTestId("handover-notes")).toHaveText(notes + lastLine);
  await expect(
    view.getByText("You signed this handover. Someone taking over the next shift acknowledges it."),
  ).toBeVisible();
  await expect(view.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);

  // The incoming lead, on a tablet-sized screen.
  const tablet = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: { width: 800, height: 1100 },
  });
  const next = await tablet.newPage();
  await signInAs(next, "manager@demo.gemba.app");
  await next.goto("/handover");
  const incoming = next.getByTestId("handover-view");
  await expect(incoming.getByTestId("handover-status")).toHaveText("Signed, to acknowledge");
  await expect(incoming.getByTestId("handover-notes")).toHaveText(notes + lastLine);
  const acknowledge = incoming.getByRole("button", { name: "Acknowledge" });
  const box = await acknowledge.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
  expect(await next.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  // Tables fit too: nothing to scroll sideways inside the report.
  expect(await sidewaysIn(incoming)).toBe(0);
  await next.screenshot({ path: "/tmp/handover-tablet.png", fullPage: true });

  await acknowledge.click();
  const ackDialog = next.getByRole("dialog", { name: "Take over the shift?" });
  await ackDialog.getByLabel(/Note for the record/).fill("Spare die ordered for Tuesday.");
  await ackDialog.getByRole("button", { name: "Acknowledge" }).click();
  await expect(ackDialog).toBeHidden();
  await expect(incoming.getByTestId("handover-status")).toHaveText("Acknowledged");
  await expect(incoming.getByTestId("handover-acknowledged-by")).toContainText("Morgan Manager");
  await expect(incoming).toContainText("Spare die ordered for Tuesday.");

  // History: a word from the notes finds it, and opens it.
  const history = next.getByTestId("handover-history");
  await history.getByLabel("Search").fill(word);
  await expect(history.getByTestId("handover-history-item")).toHaveCount(1);
  await expect(history.getByTestId("handover-history-item")).toContainText(word);
  await history.getByLabel("Search").fill(`${word}x`);
  await expect(history.getByText("No handover matches")).toBeVisible();
  await history.getByLabel("Search").fill(word);
  await history.getByTestId("handover-history-item").click();
  await expect(next).toHaveURL(/\/handover\?handover=/);
  await expect(next.getByTestId("handover-view").getByTestId("handover-status")).toHaveText("Acknowledged");
  await next.screenshot({ path: "/tmp/handover-search.png", fullPage: true });

  // Printed, the report stands alone.
  await next.emulateMedia({ media: "print" });
  await expect(next.getByTestId("handover-history")).toBeHidden();
  await expect(next.getByRole("button", { name: "Print" })).toBeHidden();
  await next.screenshot({ path: "/tmp/handover-print.png", fullPage: true });
  await tablet.close();
});
