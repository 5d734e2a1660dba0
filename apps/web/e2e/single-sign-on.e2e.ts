import { expect, type Page, test } from "@playwright/test";

/** Clicks "Sign in with Plant SSO" and logs in on the identity provider's own pages. */
async function signInThroughProvider(page: Page, login: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: /Plant SSO/ }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // First visit: the provider asks to share the profile with Gemba.
  await page.getByRole("button", { name: "Continue" }).click();
}

test("an invited manager signs in through the plant's identity provider", async ({ page }) => {
  await signInThroughProvider(page, "manager");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("plant-tree")).toBeVisible();
});

test("someone the identity provider knows but Gemba never invited is turned away with an explanation", async ({
  page,
}) => {
  await signInThroughProvider(page, "stranger");
  await expect(page).toHaveURL(/\/signin\?error=NotInvited/);
  await expect(page.getByText(/not invited to Gemba yet/)).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);
});
