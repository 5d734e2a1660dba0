import { expect, test } from "@playwright/test";

test("/api/health reports the database and Redis as reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({
    status: "ok",
    checks: { database: { ok: true }, redis: { ok: true } },
  });
});
