import { expect, type Page, test } from "@playwright/test";

const PASSWORD = "gemba-demo";

async function signInAsAdmin(page: Page) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("admin@demo.gemba.app");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test("an admin adds an MTConnect connector with the generated form, tests it, saves it and pauses it", async ({
  page,
}) => {
  const name = "CNC line 1 agent";
  await signInAsAdmin(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  // /admin redirects to the members tab; let it land before switching tabs.
  await expect(page).toHaveURL(/\/admin\/members$/);
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Connectors" }).click();
  await expect(page).toHaveURL(/\/admin\/connectors$/);

  // The demo plant has no connectors: the empty state explains them and offers every kind.
  await expect(page.getByRole("heading", { name: "No connectors yet" })).toBeVisible();
  await page.getByRole("link", { name: "MTConnect agent" }).click();
  await expect(page).toHaveURL(/\/admin\/connectors\/new\?kind=MTCONNECT$/);

  // The form is generated from the kind's config schema: agent URL, a device row mapped to a work center.
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  // Nothing listens on the loopback discard port: the connection test must fail and say why.
  await page.getByRole("textbox", { name: "Agent URL" }).fill("http://127.0.0.1:9");
  await page.getByRole("button", { name: "Add device" }).click();
  const device = page.getByRole("group", { name: "Device 1" });
  await device.getByRole("textbox", { name: "Device name or uuid" }).fill("CNC-101");
  await device.getByRole("combobox", { name: "Work center" }).selectOption({ label: "CNC-101 · Okuma LB3000" });

  await page.getByRole("button", { name: "Test connection" }).click();
  const failure = page.getByRole("alert").filter({ hasText: "Connection failed." });
  await expect(failure).toContainText("Could not reach http://127.0.0.1:9/probe");
  await expect(failure).toContainText("Check the URL");

  await page.getByRole("button", { name: "Create connector" }).click();
  await expect(page).toHaveURL(/\/admin\/connectors\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByText("Connector created.")).toBeVisible();
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
  // What was saved comes back into the form: the device still maps to its work center.
  await expect(
    page
      .getByRole("group", { name: "Device 1" })
      .getByRole("combobox", { name: "Work center" })
      .locator("option:checked"),
  ).toHaveText("CNC-101 · Okuma LB3000");

  await page.getByRole("link", { name: "All connectors" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("MTConnect agent");
  await row.getByRole("button", { name: `Pause ${name}` }).click();
  await expect(row.getByText("Paused", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: `Resume ${name}` })).toBeVisible();

  // Both changes are in the audit log.
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByText(`Added MTConnect agent connector "${name}"`)).toBeVisible();
  await expect(page.getByText(`Paused connector "${name}"`)).toBeVisible();
});
