import {
  findFreePort,
  startOpcuaTestServer,
  type TOpcuaTestServer,
} from "@gemba/connectors/opcua/testing/opcua-test-server";
import { expect, type Page, test } from "@playwright/test";

const PASSWORD = "gemba-demo";

async function signInAsAdmin(page: Page) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("admin@demo.gemba.app");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/**
 * These tests add connectors; connectors.e2e.ts expects Riverside (the admin's first plant) to have
 * none. So they work in the second demo plant, Northfield, which the demo admin also runs.
 */
async function switchToNorthfield(page: Page) {
  // Switching leads to the plant's dashboard: start elsewhere, so arriving there shows it is done.
  await page.goto("/admin/connectors");
  await page.getByRole("button", { name: /Riverside Components/ }).click();
  await page.getByRole("menuitemradio", { name: /Northfield Assembly/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("button", { name: /Northfield Assembly/ })).toBeVisible();
}

async function createConnector(page: Page, kind: string, name: string) {
  await page.goto(`/admin/connectors/new?kind=${kind}`);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("button", { name: "Create connector" }).click();
  await expect(page).toHaveURL(/\/admin\/connectors\/[0-9a-f-]{36}\?created=1$/);
}

const csv = (name: string, content: string | Buffer) => ({
  name,
  mimeType: "text/csv",
  buffer: typeof content === "string" ? Buffer.from(content, "utf8") : content,
});

test("an admin uploads an orders file to a CSV connector and sees each rejected line by number", async ({ page }) => {
  await signInAsAdmin(page);
  await switchToNorthfield(page);
  await createConnector(page, "CSV_UPLOAD", "ERP export");

  const card = page.getByRole("form", { name: "Upload a file" });
  await expect(card.getByRole("radio", { name: "Production orders" })).toBeChecked();
  await expect(card).toContainText("Needs a header line with Order, Material, Quantity and Due date");
  const fileInput = card.getByLabel("Choose a file or drop it here");

  // A file without the required columns is refused as a whole, naming what is missing.
  await fileInput.setInputFiles(csv("wrong.csv", "Order;Material\n4711;NF-GB-100\n"));
  await card.getByRole("button", { name: "Upload orders" }).click();
  await expect(card.getByRole("alert")).toContainText("wrong.csv was not imported. No column for Quantity, Due date.");

  // Excel's "CSV UTF-8" starts with a byte order mark; line 3 names a material the plant does not make.
  const orders = [
    "\uFEFFOrder;Material;Quantity;Due date",
    "E2E-4711;NF-GB-100;120;2026-12-01",
    "E2E-4712;NO-SUCH-SKU;5;2026-12-02",
    "",
  ].join("\r\n");
  await fileInput.setInputFiles(csv("orders.csv", orders));
  await expect(card).toContainText("orders.csv");
  await expect(card).toContainText("UTF-8");
  await card.getByRole("button", { name: "Upload orders" }).click();

  const counts = card.getByRole("list", { name: "Counts" });
  await expect(counts).toContainText("1 created");
  await expect(counts).toContainText("0 updated");
  await expect(counts).toContainText("0 unchanged");
  await expect(counts).toContainText("1 rejected");
  await expect(card).toContainText("orders.csv: 2 order lines read, 1 rejected.");
  const rejected = card.getByRole("region", { name: "Rejected lines, by line number" });
  await expect(rejected.getByRole("listitem")).toHaveCount(1);
  await expect(rejected.getByRole("listitem")).toContainText("Line 3");
  await expect(rejected.getByRole("listitem")).toContainText("NO-SUCH-SKU");

  // The upload is a run of the connector, listed without waiting for the next refresh.
  const runs = page.getByRole("region", { name: "Recent runs" });
  const run = runs.getByRole("row").filter({ hasText: "orders.csv" });
  await expect(run).toContainText("Upload");
  await expect(run).toContainText("Succeeded");
  await expect(run).toContainText("line 3");

  // Dropping the same file on the box uploads it again; nothing changes the second time.
  const dropped = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], "orders-again.csv", { type: "text/csv" }));
    return transfer;
  }, orders);
  await fileInput.locator("..").dispatchEvent("drop", { dataTransfer: dropped });
  await expect(card).toContainText("orders-again.csv");
  await card.getByRole("button", { name: "Upload orders" }).click();
  await expect(counts).toContainText("0 created");
  await expect(counts).toContainText("1 unchanged");

  // Excel's plain "CSV" on Windows is Windows-1252, not UTF-8: "Ø" and "–" must survive.
  await card.getByRole("radio", { name: "Products" }).check();
  const latin = (text: string) => Buffer.from(text, "latin1");
  // 0x96 is the en dash in Windows-1252 (and a stray continuation byte in UTF-8).
  const products = Buffer.concat([
    latin("Material;Name\r\nE2E-SH-2040;Shaft Ø40 "),
    Buffer.from([0x96]),
    latin(" long\r\n"),
  ]);
  await fileInput.setInputFiles(csv("products.csv", products));
  await expect(card).toContainText("Windows-1252 (Excel's CSV on Windows)");
  await card.getByRole("button", { name: "Upload products" }).click();
  await expect(card).toContainText("products.csv imported: 1 product line read.");
  await expect(runs.getByRole("row").filter({ hasText: "products.csv" })).toContainText("1 created");
});

test.describe("OPC UA node browser", () => {
  let server: TOpcuaTestServer;
  test.beforeAll(async () => {
    server = await startOpcuaTestServer({ machine: "PRS-201" });
    server.setState("RUNNING");
    server.setTelemetry(181.5);
  });
  test.afterAll(async () => {
    await server?.dispose();
  });

  test("an admin browses the server, opens a machine and adds a variable to the monitored nodes", async ({ page }) => {
    test.setTimeout(120_000);
    await signInAsAdmin(page);
    await switchToNorthfield(page);
    await page.goto("/admin/connectors/new?kind=OPCUA");
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Press line OPC UA");
    const endpoint = page.getByRole("textbox", { name: "Endpoint URL" });
    const dialog = page.getByRole("dialog", { name: "Browse the OPC UA server" });

    // Nothing listens there: the browser says so in a sentence instead of showing an empty tree.
    await endpoint.fill(`opc.tcp://127.0.0.1:${await findFreePort()}`);
    await page.getByRole("button", { name: "Browse server" }).click();
    await expect(dialog.getByRole("alert")).toContainText(
      "Nothing answers as an OPC UA server at opc.tcp://127.0.0.1:",
      {
        timeout: 30_000,
      },
    );
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();

    await endpoint.fill(server.endpointUrl);
    await page.getByRole("button", { name: "Browse server" }).click();
    await expect(dialog).toContainText(server.endpointUrl);
    const machine = dialog.getByRole("button", { name: /^PRS-201/ });
    await expect(machine).toHaveAttribute("aria-expanded", "false");
    // Keyboard: the machine opens with Enter, like any button.
    await machine.focus();
    await page.keyboard.press("Enter");
    await expect(machine).toHaveAttribute("aria-expanded", "true");
    const variables = dialog.getByRole("list", { name: "Inside PRS-201" }).getByRole("listitem");
    await expect(variables).toHaveCount(4);
    const pressure = variables.filter({ hasText: "HydraulicPressure" });
    await expect(pressure).toContainText("Double");
    await expect(pressure).toContainText("181.5");
    await expect(variables.filter({ hasText: "ns=1;s=PRS-201.State" })).toContainText("String");
    await expect(variables.filter({ hasText: "ns=1;s=PRS-201.State" })).toContainText("RUNNING");

    await dialog.getByRole("button", { name: "Add HydraulicPressure" }).click();
    await expect(dialog.getByRole("button", { name: "HydraulicPressure added" })).toBeFocused();
    await expect(dialog.getByRole("status").filter({ hasText: "Added HydraulicPressure" })).toBeVisible();
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Browse server" })).toBeFocused();

    // The variable is now a monitored node; its meaning and work center are the admin's to choose.
    const item = page.getByRole("group", { name: "Monitored node 1" });
    await expect(item.getByRole("textbox", { name: "Node id" })).toHaveValue("ns=1;s=PRS-201.HydraulicPressure");
    await expect(item.getByRole("combobox", { name: "Maps to" }).locator("option:checked")).toHaveText(/^Telemetry/);
  });
});
