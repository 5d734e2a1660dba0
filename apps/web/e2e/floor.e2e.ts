import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { hashPassword } from "@gemba/auth/password";
import { createDatabase } from "@gemba/db/client";
import { refreshWorkCenter } from "@gemba/db/execution/refresh-work-center";
import { seedReasonTree } from "@gemba/db/reasons/seed-reason-tree";
import { deriveAppDatabaseUrl } from "@gemba/db/roles";
import { withTenant } from "@gemba/db/tenant-scope";
import { testEnv } from "@gemba/db/testing/test-env";
import { ZRuleDefinition } from "@gemba/domain/automation/rule-definition";
import { ZChecklistContent } from "@gemba/domain/checklists/template-rules";
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { signInAs } from "./demo-helpers";
import { E2E_APP_PASSWORD, e2eOwnerUrl, e2eQueuePrefix, e2eSecretsKey } from "./e2e-instance";

const MIN = 60_000;
const repoRoot = resolve(import.meta.dirname, "../../..");

test.use({ viewport: { width: 1280, height: 800 }, hasTouch: true });

type TPlanted = { workCenterId: string; code: string; firstStop: Date; secondStop: Date };
let planted: TPlanted;
let tenantId: string;
/** The operator of the test's own plant (password gemba-demo, as the demo users). */
let operatorEmail: string;
let worker: ChildProcess | null = null;
const workerLog: string[] = [];
const appUrl = () => deriveAppDatabaseUrl(e2eOwnerUrl(), E2E_APP_PASSWORD);

async function withOwner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eOwnerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A plant of the test's own (so the demo plant other browser tests count stays as seeded): an
 * operator, the default reason tree and a plant-wide changeover checklist, provisioned as an
 * admin would.
 */
async function createFloorPlant(): Promise<void> {
  const suffix = randomBytes(3).toString("hex");
  operatorEmail = `floor-operator-${suffix}@example.test`;
  tenantId = await withOwner(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Tenant" (slug, name) VALUES ($1, 'Floor Test Works') RETURNING id`,
      [`floor-e2e-${suffix}`],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error("the test plant was not created");
    return id;
  });
  const app = createDatabase({ connectionString: appUrl(), applicationName: "gemba-e2e-floor" });
  try {
    const user = await app.prisma.user.create({
      data: { email: operatorEmail, name: "Tess Tablet", passwordHash: await hashPassword("gemba-demo") },
      select: { id: true },
    });
    await withTenant(app.prisma, tenantId, async (tx) => {
      await tx.membership.create({ data: { tenantId, userId: user.id, role: "OPERATOR" } });
      await seedReasonTree(tx, tenantId);
      const content = ZChecklistContent.parse({
        requireSignOff: true,
        steps: [
          { id: "previous-cleared", title: "Parts and labels of the previous order removed", input: { kind: "CHECK" } },
          { id: "tool", title: "Tool matches the order", input: { kind: "CHECK" } },
          { id: "program", title: "Machine program matches the order", input: { kind: "CHECK" } },
          {
            id: "clamp-torque",
            title: "Clamping bolt torque",
            instructions: "Torque wrench set to 85 Nm; check all four bolts.",
            input: { kind: "NUMBER", min: 80, max: 90, unit: "Nm", decimals: 0 },
          },
          { id: "first-off", title: "First-off inspection", input: { kind: "PASS_FAIL" } },
        ],
      });
      const template = await tx.checklistTemplate.create({
        data: { tenantId, name: "Changeover checklist", description: "After every tool change.", lineId: null },
        select: { id: true },
      });
      await tx.checklistTemplateVersion.create({
        data: { tenantId, templateId: template.id, version: 1, steps: content.steps, requireSignOff: true },
      });
    });
  } finally {
    await app.close();
  }
}

/**
 * Its work center, on a site without a shift calendar (so its stops are planned time whatever
 * the hour the test runs), with an order running and the machine's events of the last 90
 * minutes: two 8-minute stops nobody has given a reason. The timeline is derived exactly as the
 * worker does it.
 */
async function plantWorkCenter(): Promise<TPlanted> {
  const now = Date.now();
  const suffix = randomBytes(2).toString("hex").toUpperCase();
  const code = `FLR-${suffix}`;
  const firstStop = new Date(now - 50 * MIN);
  const secondStop = new Date(now - 30 * MIN);
  const workCenterId = await withOwner(async (client) => {
    const one = async (sql: string, values: unknown[]) => {
      const { rows } = await client.query<{ id: string }>(sql, values);
      if (!rows[0]) throw new Error(`nothing returned by ${sql}`);
      return rows[0].id;
    };
    const site = await one(
      `INSERT INTO "Site" ("tenantId", code, name, "timeZone") VALUES ($1, $2, 'Test hall', 'Europe/Berlin') RETURNING id`,
      [tenantId, `E2E-${suffix}`],
    );
    const area = await one(
      `INSERT INTO "Area" ("tenantId", "siteId", code, name) VALUES ($1, $2, $3, 'Test area') RETURNING id`,
      [tenantId, site, `E2E-A-${suffix}`],
    );
    const line = await one(
      `INSERT INTO "Line" ("tenantId", "areaId", code, name) VALUES ($1, $2, $3, 'Tablet test line') RETURNING id`,
      [tenantId, area, `E2E-L-${suffix}`],
    );
    const workCenter = await one(
      `INSERT INTO "WorkCenter" ("tenantId", "lineId", code, name, sequence) VALUES ($1, $2, $3, 'Test press', 1) RETURNING id`,
      [tenantId, line, code],
    );
    const product = await one(
      `INSERT INTO "Product" ("tenantId", sku, name, "idealCycleTimeSeconds") VALUES ($1, $2, 'Hinge plate', 30) RETURNING id`,
      [tenantId, `HP-${suffix}`],
    );
    await client.query(
      `INSERT INTO "ProductionOrder" ("tenantId", "externalId", "productId", "workCenterId", quantity, status, "startedAt", "dueAt")
       VALUES ($1, $2, $3, $4, 500, 'IN_PROGRESS', $5, $6)`,
      [tenantId, `E2E-${suffix}`, product, workCenter, new Date(now - 90 * MIN), new Date(now + 8 * 60 * MIN)],
    );
    const events: { kind: string; at: number; payload: unknown }[] = [];
    const state = (at: number, value: string) => events.push({ kind: "machine.state", at, payload: { state: value } });
    const counts = (from: number, to: number) => {
      for (let at = from + 2 * MIN; at < to; at += 2 * MIN) {
        events.push({ kind: "production.count", at, payload: { total: 4, good: 4 } });
      }
    };
    state(now - 90 * MIN, "RUNNING");
    counts(now - 90 * MIN, firstStop.getTime());
    state(firstStop.getTime(), "DOWN");
    state(now - 42 * MIN, "RUNNING");
    counts(now - 42 * MIN, secondStop.getTime());
    state(secondStop.getTime(), "IDLE");
    state(now - 22 * MIN, "RUNNING");
    counts(now - 22 * MIN, now);
    for (const [index, event] of events.entries()) {
      await client.query(
        `INSERT INTO "Event" ("tenantId", "workCenterId", kind, "eventTime", "sourceId", "dedupeKey", payload)
         VALUES ($1, $2, $3, $4, 'e2e-floor', $5, $6)`,
        [tenantId, workCenter, event.kind, new Date(event.at), `${code}-${index}`, JSON.stringify(event.payload)],
      );
    }
    return workCenter;
  });
  const pool = new pg.Pool({ connectionString: appUrl() });
  try {
    await refreshWorkCenter(pool, { tenantId, workCenterId, changedFrom: now - 91 * MIN, changedTo: now, now });
  } finally {
    await pool.end();
  }
  return { workCenterId, code, firstStop, secondStop };
}

/** A Gemba worker of this instance's queues: it stores the andon event from the ingest queue. */
function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: resolve(repoRoot, "apps/worker"),
    env: {
      ...process.env,
      APP_DATABASE_URL: appUrl(),
      REDIS_URL: testEnv.TEST_REDIS_URL,
      QUEUE_PREFIX: e2eQueuePrefix(),
      SECRETS_KEY: e2eSecretsKey(),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => workerLog.push(chunk));
  }
  return child;
}

async function stopWorker(child: ChildProcess | null) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  child.kill("SIGTERM");
  const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(force);
}

const classificationsOf = (stopStart: Date) =>
  withOwner(async (client) => {
    const { rows } = await client.query<{ reasonCode: string; idempotencyKey: string | null }>(
      `SELECT "reasonCode", "idempotencyKey" FROM "DowntimeClassification" WHERE "workCenterId" = $1 AND "stopStart" = $2`,
      [planted.workCenterId, stopStart],
    );
    return rows;
  });

const andonRecords = () =>
  withOwner(async (client) => {
    const events = await client.query(
      `SELECT id FROM "Event" WHERE "workCenterId" = $1 AND "sourceId" = 'floor' AND payload->>'type' = 'ANDON_CALLED'`,
      [planted.workCenterId],
    );
    const audits = await client.query(`SELECT id FROM "AuditEntry" WHERE action = 'floor.andon' AND "entityId" = $1`, [
      planted.workCenterId,
    ]);
    return { events: events.rowCount ?? 0, audits: audits.rowCount ?? 0 };
  });

/** Every visible control of the tablet screen is a finger's size. */
async function expectTouchTargets(page: Page) {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("header button, header a.btn, main button, main a.btn")]
      .filter((element) => element.offsetParent !== null)
      .map((element) => ({
        text: element.textContent?.trim() || element.getAttribute("aria-label"),
        box: element.getBoundingClientRect(),
      }))
      .filter(({ box }) => box.height < 48 || box.width < 48)
      .map(({ text, box }) => `${text} (${Math.round(box.width)}×${Math.round(box.height)})`),
  );
  expect(small, "controls smaller than 48 px").toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const RULE_TASK_TITLE = "Checklist out of limit at {workCenter}: {value}";

/** The rule "a checklist fails here → a task for the operators", as an admin would have set it up. */
async function createChecklistRule() {
  const definition = ZRuleDefinition.parse({
    trigger: { kind: "CHECKLIST_FAILED" },
    conditions: { workCenterIds: [planted.workCenterId] },
    actions: [{ kind: "CREATE_TASK", title: RULE_TASK_TITLE, assigneeRole: "OPERATOR", priority: "HIGH" }],
  });
  await withOwner((client) =>
    client.query(
      `INSERT INTO "Rule" ("tenantId", name, "triggerKind", definition) VALUES ($1, $2, 'CHECKLIST_FAILED', $3)`,
      [tenantId, `Checklist failed at ${planted.code}`, JSON.stringify(definition)],
    ),
  );
}

test.beforeAll(async () => {
  await createFloorPlant();
  planted = await plantWorkCenter();
  await createChecklistRule();
  worker = startWorker();
});

test.afterAll(async () => {
  await stopWorker(worker);
});

test("an operator classifies stops and calls the andon, online and offline, and each is applied exactly once", async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, operatorEmail);
  await expect(page).toHaveURL(/\/floor$/);
  await expect(page.getByRole("heading", { name: "Where are you working?" })).toBeVisible();
  const tile = page.getByTestId("floor-tile").filter({ hasText: planted.code });
  await expect(tile).toContainText("2 stops need a reason");
  await page.screenshot({ path: "/tmp/floor-picker.png", fullPage: true });
  await tile.tap();

  await expect(page).toHaveURL(new RegExp(`/floor/${planted.workCenterId}$`));
  await expect(page.getByTestId("tablet-work-center")).toHaveText(planted.code);
  await expect(page.getByTestId("state-banner")).toContainText("Running");
  await expect(page.getByTestId("order-card")).toContainText("Hinge plate");
  await expect(page.getByTestId("hour-card")).toContainText("made");
  const stops = page.getByTestId("stop");
  await expect(stops).toHaveCount(2);
  await expectTouchTargets(page);
  await page.screenshot({ path: "/tmp/floor-landscape.png", fullPage: true });

  // Online: one tap on the reason of the oldest stop, and Gemba has it.
  const reasons = page.getByTestId("reason-panel");
  await expect(reasons.getByRole("heading", { level: 2 })).toContainText("stop at");
  await reasons.getByRole("button", { name: "Part jam" }).tap();
  const firstStop = page.locator(`[data-stop-start="${planted.firstStop.toISOString()}"]`);
  await expect(firstStop).toContainText("Part jam · saved");
  await expect.poll(() => classificationsOf(planted.firstStop)).toHaveLength(1);
  await expect(page.getByTestId("outbox-button")).toHaveText("All sent");

  // Offline: the second stop and an andon call wait on the tablet, shown as pending.
  await context.setOffline(true);
  await expect(page.getByRole("status").filter({ hasText: "Offline" })).toBeVisible();
  const secondStop = page.locator(`[data-stop-start="${planted.secondStop.toISOString()}"]`);
  await expect(secondStop).toHaveAttribute("aria-pressed", "true");
  await reasons.getByRole("button", { name: "Starved of material" }).tap();
  await expect(secondStop).toContainText("Starved of material · pending sync");
  await page.getByTestId("andon-panel").getByRole("button", { name: /Andon/ }).tap();
  const confirm = page.getByRole("dialog", { name: `Call for help at ${planted.code}?` });
  await confirm.getByRole("button", { name: "Material" }).tap();
  await confirm.getByRole("button", { name: "Call andon" }).tap();
  await expect(page.getByTestId("andon-status")).toContainText(/Andon called \d\d:\d\d/);
  await expect(page.getByTestId("andon-status")).toContainText("waiting to send");
  await expect(page.getByTestId("outbox-button")).toContainText("2");
  await page.screenshot({ path: "/tmp/floor-offline.png", fullPage: true });
  await page.getByTestId("outbox-button").tap();
  const tray = page.getByRole("dialog", { name: "Waiting to send" });
  await expect(tray.getByTestId("outbox-list").getByRole("listitem")).toHaveCount(2);
  await page.screenshot({ path: "/tmp/floor-outbox.png" });
  await tray.getByRole("button", { name: "Close" }).tap();
  expect(await classificationsOf(planted.secondStop)).toHaveLength(0);

  // The network is back but answers get lost: the server applies what arrives, the tablet never
  // hears back, keeps the actions, and keeps them through a reload.
  await page.route("**/api/trpc/**", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await route.fetch();
    await route.abort("connectionreset");
  });
  await context.setOffline(false);
  await expect.poll(() => classificationsOf(planted.secondStop), { timeout: 20_000 }).toHaveLength(1);
  await page.reload();
  await expect(page.getByTestId("outbox-button")).toContainText("2");
  // React 19.2 can show a streamed boundary twice for a moment when the outbox opens while the page
  // is still hydrating (react/react#37014): wait for the one row the screen settles on.
  await expect(secondStop).toHaveCount(1);
  await expect(secondStop).toContainText("pending sync");

  // Answers come through again: everything is sent, and applied once.
  await page.unrouteAll({ behavior: "wait" });
  await page.getByTestId("outbox-button").tap();
  // "Send now", unless the outbox's own retry got there first.
  await tray
    .getByRole("button", { name: "Send now" })
    .tap({ timeout: 5_000 })
    .catch(() => undefined);
  await expect(tray.getByText("Everything you did has reached Gemba.")).toBeVisible({ timeout: 45_000 });
  await tray.getByRole("button", { name: "Close" }).tap();
  await expect(page.getByTestId("outbox-button")).toHaveText("All sent");
  await expect(page.getByTestId("andon-status")).toContainText("Sent");

  const second = await classificationsOf(planted.secondStop);
  expect(second).toHaveLength(1);
  expect(second[0]).toMatchObject({ reasonCode: "MATERIAL_STARVED", idempotencyKey: expect.any(String) });
  await expect.poll(andonRecords, { timeout: 30_000, message: workerLog.join("") }).toEqual({ events: 1, audits: 1 });
  expect(await classificationsOf(planted.firstStop)).toHaveLength(1);

  // Portrait: the same screen, nothing cut off or scrolled sideways.
  await page.setViewportSize({ width: 800, height: 1280 });
  await expect(page.getByTestId("andon-panel")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectTouchTargets(page);
  await page.screenshot({ path: "/tmp/floor-portrait.png", fullPage: true });
  await page.getByRole("tab", { name: /Tasks/ }).tap();
  await page.screenshot({ path: "/tmp/floor-portrait-tasks.png", fullPage: true });
});

test("the picker fits a portrait tablet and remembers the work center", async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 1280 });
  await signInAs(page, operatorEmail);
  await expect(page.getByRole("heading", { name: "Where are you working?" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectTouchTargets(page);
  await page.screenshot({ path: "/tmp/floor-picker-portrait.png", fullPage: true });
  await page.getByLabel("Work-center code").fill("NOPE-1");
  await page.getByRole("button", { name: "Open" }).tap();
  await expect(page.getByRole("alert").filter({ hasText: "NOPE-1" })).toBeVisible();
  await page.getByLabel("Work-center code").fill(planted.code.toLowerCase());
  await page.getByRole("button", { name: "Open" }).tap();
  await expect(page).toHaveURL(new RegExp(`/floor/${planted.workCenterId}$`));
  // The next start of the tablet goes straight there; Change comes back to the picker.
  await page.goto("/floor");
  await expect(page).toHaveURL(new RegExp(`/floor/${planted.workCenterId}$`));
  await page.getByRole("link", { name: "Change" }).tap();
  await expect(page.getByRole("heading", { name: "Where are you working?" })).toBeVisible();
});

test("a checklist run at the machine with a value out of limit creates a task through the plant's rule", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, operatorEmail);
  await page.goto(`/floor/${planted.workCenterId}`);
  await page.getByRole("tab", { name: /Checklists/ }).tap();
  await page
    .getByRole("listitem")
    .filter({ hasText: "Changeover checklist" })
    .getByRole("button", { name: "Start" })
    .tap();
  const runner = page.getByTestId("checklist-runner");
  const step = (id: string) => runner.locator(`[data-step-id="${id}"]`);
  for (const id of ["previous-cleared", "tool", "program"]) {
    await step(id).getByRole("button", { name: "Mark as done" }).tap();
  }
  await step("clamp-torque").getByRole("textbox").fill("95");
  await step("clamp-torque").getByRole("button", { name: "Record" }).tap();
  await expect(step("clamp-torque")).toContainText("Out of limit");
  await step("first-off").getByRole("button", { name: "Pass" }).tap();
  await expectTouchTargets(page);
  await page.screenshot({ path: "/tmp/floor-checklist.png", fullPage: true });
  await runner.getByRole("checkbox").check();
  await runner.getByRole("button", { name: "Sign off and complete" }).tap();
  await expect(page.getByRole("heading", { name: "Start a checklist" })).toBeVisible();
  await expect(page.getByTestId("outbox-button")).toHaveText("All sent");

  const run = await withOwner(async (client) => {
    const { rows } = await client.query<{ id: string; status: string; failedSteps: number }>(
      `SELECT id, status, "failedSteps" FROM "ChecklistRun" WHERE "workCenterId" = $1`,
      [planted.workCenterId],
    );
    return rows;
  });
  expect(run).toEqual([expect.objectContaining({ status: "COMPLETED", failedSteps: 1 })]);

  // The worker's rule engine turns the failed step into a task at this work center.
  const taskTitle = `Checklist out of limit at ${planted.code}`;
  await expect
    .poll(
      () =>
        withOwner(async (client) => {
          const { rows } = await client.query<{ title: string }>(
            `SELECT title FROM "Task" WHERE "workCenterId" = $1 AND source = 'rule'`,
            [planted.workCenterId],
          );
          return rows.map((row) => row.title);
        }),
      { timeout: 30_000, message: workerLog.join("") },
    )
    .toEqual([expect.stringContaining(taskTitle)]);
  await page.reload();
  await expect(page.getByRole("tab", { name: /Tasks/ })).toHaveCount(1); // see react/react#37014 above
  await page.getByRole("tab", { name: /Tasks/ }).tap();
  const task = page.getByTestId("floor-task").filter({ hasText: taskTitle });
  await expect(task).toBeVisible();
  await task.getByRole("button", { name: "Acknowledge" }).tap();
  await expect(task).toContainText("Acknowledged");
  await page.screenshot({ path: "/tmp/floor-tasks.png", fullPage: true });
  await task.getByRole("button", { name: "Done…" }).tap();
  await page.getByRole("dialog", { name: "What was done?" }).getByRole("button", { name: "Fixed" }).tap();
  await expect
    .poll(() =>
      withOwner(async (client) => {
        const { rows } = await client.query<{ status: string }>(
          `SELECT status FROM "Task" WHERE "workCenterId" = $1 AND source = 'rule'`,
          [planted.workCenterId],
        );
        return rows.map((row) => row.status);
      }),
    )
    .toEqual(["DONE"]);
});
