import { expect, type Page, test } from "@playwright/test";

const PASSWORD = "gemba-demo";

async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: /^sign in$/i }).click();
}

test("the demo manager signs in and sees the plant tree", async ({ page }) => {
  await signIn(page, "manager@demo.gemba.app");
  await expect(page).toHaveURL(/\/dashboard$/);
  const tree = page.getByTestId("plant-tree");
  await expect(tree).toBeVisible();
  await expect(tree.getByText("Riverside Plant")).toBeVisible();
  // Every line of the demo plant, each with its work centers.
  await expect(tree.getByRole("link")).toHaveCount(12);
  await expect(page.getByRole("navigation").getByRole("link", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("a wrong password gets a clear message and no session", async ({ page }) => {
  await signIn(page, "manager@demo.gemba.app", "not-the-password");
  // Next.js adds its own empty role="alert" route announcer; ours is the one with text.
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("Email or password is incorrect.");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);
});

test("an operator lands on the floor and cannot open the dashboard", async ({ page }) => {
  await signIn(page, "operator@demo.gemba.app");
  await expect(page).toHaveURL(/\/floor$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/floor$/);
});

test("sign out everywhere ends the session in another browser on its next request", async ({ browser }) => {
  const tablet = await browser.newContext();
  const laptop = await browser.newContext();
  try {
    const tabletPage = await tablet.newPage();
    const laptopPage = await laptop.newPage();
    await signIn(tabletPage, "admin@demo.gemba.app");
    await expect(tabletPage).toHaveURL(/\/dashboard$/);
    await signIn(laptopPage, "admin@demo.gemba.app");
    await expect(laptopPage).toHaveURL(/\/dashboard$/);

    await laptopPage.goto("/account");
    await laptopPage.getByRole("button", { name: "Sign out everywhere" }).click();
    await laptopPage.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(laptopPage).toHaveURL(/\/signin/);

    // The tablet still holds its cookie, but the server-side session is gone.
    await tabletPage.goto("/dashboard");
    await expect(tabletPage).toHaveURL(/\/signin/);
  } finally {
    await tablet.close();
    await laptop.close();
  }
});
