import { crc32, deflateSync } from "node:zlib";
import { expect, type Locator, type Page, test } from "@playwright/test";
import pg from "pg";
import { signInAs, tenantIdOf } from "./demo-helpers";
import { e2eOwnerUrl } from "./e2e-instance";

/**
 * A real PNG, so the browser can decode, scale and upload it: a blue plate with a darker band, or
 * (noisy) a camera-sized picture of random pixels that compresses badly, several MB as a file.
 */
function platePng(width = 96, height = 64, noisy = false): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const base = y > height / 3 && y < (2 * height) / 3 ? [20, 60, 140] : [90, 150, 230];
      row.set(noisy ? base.map((channel) => (channel + Math.floor(Math.random() * 90)) % 256) : base, 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const stepEditor = (page: Page, index: number) => page.getByRole("group", { name: `Step ${index}`, exact: true });
const runnerStep = (page: Page, title: string): Locator =>
  page.getByTestId("runner-step").filter({ has: page.getByRole("heading", { name: title }) });

/** An image of another plant (Northfield): the manager of the demo plant must never get its bytes. */
async function foreignMediaId(): Promise<string> {
  const tenantId = await tenantIdOf("northfield");
  const client = new pg.Client({ connectionString: e2eOwnerUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "MediaFile" ("tenantId", "contentType", "data", "byteSize") VALUES ($1, 'image/png', $2, $3) RETURNING id`,
      [tenantId, platePng(), platePng().length],
    );
    if (!rows[0]) throw new Error("no media row");
    return rows[0].id;
  } finally {
    await client.end();
  }
}

test("a manager writes a checklist, publishes two versions, and runs it with an out-of-limit value to the sign-off", async ({
  page,
  playwright,
}) => {
  const name = `Weld cell start-up ${Date.now()}`;
  await signInAs(page, "manager@demo.gemba.app");
  await page.getByRole("link", { name: "Checklists" }).click();
  await expect(page).toHaveURL(/\/checklists$/);
  const seeded = page.getByTestId("template-row").filter({ hasText: "Press start-up check" });
  await expect(seeded).toContainText("Stamping Line");
  await expect(seeded).toContainText("v2");
  await page.screenshot({ path: "/tmp/checklists-list.png", fullPage: true });

  // A new checklist: a measured value with limits and an image, then a pass/fail step.
  await page.getByRole("link", { name: "New checklist" }).first().click();
  await expect(page).toHaveURL(/\/checklists\/new$/);
  await page.getByLabel("Name", { exact: true }).fill(name);
  const first = stepEditor(page, 1);
  await first.getByLabel("Step title").fill("Wire feed speed");
  await first.getByLabel("Instructions").fill("Read the feeder display with the torch off.");
  await first.getByLabel("Answer").selectOption("NUMBER");
  await first.getByLabel("Lower limit").fill("8");
  await first.getByLabel("Upper limit").fill("10");
  await first.getByLabel("Unit").fill("m/min");
  await first.getByLabel("Decimals").fill("1");
  // A camera-sized photo (several MB) is scaled down in the browser before it is sent.
  const photo = platePng(2400, 1600, true);
  expect(photo.length).toBeGreaterThan(4 * 1024 * 1024);
  await first
    .getByLabel("Image for step 1")
    .setInputFiles({ name: "feeder.png", mimeType: "image/png", buffer: photo });
  const preview = first.getByTestId("step-image-preview");
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => preview.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1600);

  await page.getByRole("button", { name: "Add step" }).click();
  const second = stepEditor(page, 2);
  await second.getByLabel("Answer").selectOption("PASS_FAIL");
  // Publishing with a step left blank says which field to fix.
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(second.getByText(/Give the step a title/)).toBeVisible();
  await second.getByLabel("Step title").fill("First weld passes the visual check");
  await page.screenshot({ path: "/tmp/checklists-editor-new.png", fullPage: true });
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page).toHaveURL(/\/checklists\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("version-row")).toHaveCount(1);

  // Edit: a tighter upper limit is version 2; the note says running checklists keep theirs.
  await expect(page.getByTestId("publish-bar")).toContainText("keep the version they started with");
  await expect(page.getByRole("button", { name: "Publish version 2" })).toBeDisabled();
  await stepEditor(page, 1).getByLabel("Upper limit").fill("9.5");
  await page.getByRole("button", { name: "Publish version 2" }).click();
  await expect(page.getByText("Version 2 published.")).toBeVisible();
  await expect(page.getByTestId("version-row")).toHaveCount(2);
  await expect(page.getByTestId("version-row").first()).toContainText("Current");
  await page.getByTestId("version-row").last().getByRole("button").click();
  await expect(page.getByTestId("version-row").last()).toContainText("limit 8–10 m/min");
  await page.screenshot({ path: "/tmp/checklists-editor-v2.png", fullPage: true });

  // A run at the weld cell, on version 2.
  await page.getByRole("button", { name: "Start a run" }).click();
  const dialog = page.getByRole("dialog", { name: "Start a run" });
  await dialog.getByLabel("Work center").selectOption({ label: "WLD-301 · Robot Weld Cell" });
  await dialog.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/checklists\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Version 2", { exact: true })).toBeVisible();

  const speed = runnerStep(page, "Wire feed speed");
  // The step's image, served by /api/media to this plant.
  await expect
    .poll(() => speed.locator("img").evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBeGreaterThan(0);
  const value = speed.getByRole("textbox", { name: /Wire feed speed/ });
  await value.fill("9.8");
  // Flagged while typing, before anything is sent, with the limits.
  await expect(speed.getByText("Out of limit: 9.8 m/min (limit 8–9.5 m/min)")).toBeVisible();
  await speed.getByRole("button", { name: "Record" }).click();
  await expect(speed).toHaveAttribute("data-flagged", "true");
  await expect(speed.getByText("Out of limit", { exact: true })).toBeVisible();
  await expect(speed.getByText(/^Recorded by Morgan Manager/)).toBeVisible();

  const sign = page.getByTestId("runner-sign-off");
  await expect(sign).toContainText("Still to answer");
  await runnerStep(page, "First weld passes the visual check").getByRole("button", { name: "Pass" }).click();
  await expect(sign).toContainText("Every required step is answered.");
  await page.screenshot({ path: "/tmp/checklists-run-flagged.png", fullPage: true });
  await sign.getByRole("button", { name: "Sign off and complete" }).click();
  await expect(sign.getByText("This checklist must be signed off")).toBeVisible();
  await sign.getByRole("checkbox").check();
  await sign.getByRole("button", { name: "Sign off and complete" }).click();
  await expect(page.getByTestId("runner-outcome")).toContainText("Signed off by Morgan Manager");

  // Completed, it is read-only, with the flagged answer in red.
  await page.reload();
  await expect(page.getByTestId("checklist-runner")).toHaveAttribute("data-status", "COMPLETED");
  await expect(page.getByText("9.8 m/min (limit 8–9.5 m/min)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Record" })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/checklists-run-completed.png", fullPage: true });

  await page.getByRole("link", { name: "Recent runs" }).first().click();
  const row = page.getByTestId("run-row").filter({ hasText: name });
  await expect(row).toContainText("Wire feed speed · out of limit");
  await expect(row).toHaveAttribute("data-flagged", "true");
  await page.screenshot({ path: "/tmp/checklists-runs.png", fullPage: true });
  // The seeded week holds the day PRS-202 ran hot.
  await page.getByLabel("Only with failed steps").check();
  await expect(page.getByTestId("run-row").filter({ hasText: "PRS-202" })).toContainText(
    "Die temperature · out of limit",
  );
  await expect(page.getByTestId("run-row").filter({ hasText: "PRS-201" })).toHaveCount(0);

  // Archived, it leaves the list (and can no longer be started); "Show archived" brings it back to restore.
  await page.getByRole("button", { name: "Checklists", exact: true }).click();
  const mine = page.getByTestId("template-row").filter({ hasText: name });
  await mine.getByRole("button", { name: `Archive ${name}` }).click();
  const confirm = page.getByRole("dialog", { name: `Archive “${name}”?` });
  await confirm.screenshot({ path: "/tmp/checklists-archive.png" });
  await confirm.getByRole("button", { name: "Archive checklist" }).click();
  await expect(mine).toHaveCount(0);
  await page.getByLabel("Show archived").check();
  await expect(mine).toContainText("Archived");
  await expect(mine.getByRole("button", { name: "Restore" })).toBeVisible();

  // Images are served to their own plant only, and to no one signed out.
  const foreignId = await foreignMediaId();
  expect((await page.request.get(`/api/media/${foreignId}`)).status()).toBe(404);
  const anonymous = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  expect((await anonymous.get(`/api/media/${foreignId}`)).status()).toBe(401);
  await anonymous.dispose();
});

test("on a tablet, the seeded press check runs one step at a time with big controls", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signInAs(page, "manager@demo.gemba.app");
  await page.goto("/checklists");
  const press = page.getByTestId("template-row").filter({ hasText: "Press start-up check" });
  await press.getByRole("button", { name: "Start a run" }).click();
  const dialog = page.getByRole("dialog", { name: "Start a run" });
  await dialog.getByLabel("Work center").selectOption({ label: "PRS-201 · Press 400t" });
  await dialog.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/checklists\/runs\//);

  await page.getByRole("button", { name: "One step" }).click();
  const step = page.getByTestId("runner-step");
  await expect(step).toHaveCount(1);
  await expect(step.getByRole("heading", { name: "Die temperature" })).toBeVisible();
  const input = step.getByRole("textbox");
  const box = await input.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
  await input.fill("232");
  await expect(step.getByText("Out of limit: 232 °C (limit 180–220 °C)")).toBeVisible();
  await step.getByRole("button", { name: "Record" }).click();
  await expect(step).toHaveAttribute("data-flagged", "true");
  await page.screenshot({ path: "/tmp/checklists-tablet-step.png" });

  await page.getByRole("button", { name: "Next step" }).click();
  await expect(
    page.getByTestId("runner-step").getByRole("heading", { name: "Hydraulic pressure at idle" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Next step" }).click();
  const lube = page.getByTestId("runner-step");
  const choice = lube.getByRole("button", { name: "Mark as done" });
  expect((await choice.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
  await choice.click();
  await expect(lube.getByRole("button", { name: "Done" })).toHaveAttribute("aria-pressed", "true");
  await page.screenshot({ path: "/tmp/checklists-tablet-check.png" });
});
