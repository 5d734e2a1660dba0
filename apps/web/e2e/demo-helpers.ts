import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { e2eOwnerUrl } from "./e2e-instance";

/** Signs in with a demo account (every demo user has the password gemba-demo). */
export async function signInAs(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("gemba-demo");
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page).not.toHaveURL(/signin/);
}

/** A demo tenant's id, read from the e2e database that serve.ts seeded. */
export async function tenantIdOf(slug: string): Promise<string> {
  const client = new pg.Client({ connectionString: e2eOwnerUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = $1`, [slug]);
    if (!rows[0]) throw new Error(`no tenant ${slug}`);
    return rows[0].id;
  } finally {
    await client.end();
  }
}
