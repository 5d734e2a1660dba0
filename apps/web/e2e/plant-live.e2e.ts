import { expect, test } from "@playwright/test";
import { signInAs, tenantIdOf } from "./demo-helpers";
import { startLivePlant, type TLivePlant } from "./live-plant";

type TTileChange = { workCenterId: string; state: string; since: string; at: number };
type TWindowWithChanges = Window & { tileChanges?: TTileChange[]; loadedOnce?: boolean };

let plant: TLivePlant | undefined;
const output: string[] = [];

// biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructured fixtures argument.
test.afterEach(async ({}, testInfo) => {
  await plant?.stop();
  plant = undefined;
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach("worker and simulator", { body: output.join("\n") });
});

/**
 * Nothing here is published by the test: the plant simulator runs (an hour of production per
 * minute), a real worker takes its Sparkplug B messages off the broker, derives the timeline and
 * publishes on the live bus, and the manager's open dashboard changes by itself.
 */
test("with the simulator running, the dashboard follows the floor live and drills down to a work center", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const demo = await tenantIdOf("demo");
  plant = await startLivePlant({ tenantId: demo, speed: 60, tickMs: 100, log: (line) => output.push(line) });

  await signInAs(page, "manager@demo.gemba.app");
  await expect(page).toHaveURL(/\/dashboard$/);
  const tiles = page.getByTestId("work-center-tile");
  await expect(tiles.first()).toBeVisible();
  await expect(page.getByText("Live", { exact: true })).toBeVisible();

  // Every change of a tile's state or time-in-state start, as the page renders it. The flag
  // proves the page was never reloaded: changes arrive over the stream.
  await page.evaluate(() => {
    const target = window as TWindowWithChanges;
    target.loadedOnce = true;
    target.tileChanges = [];
    const seen = new Map<string, string>();
    const record = () => {
      for (const tile of document.querySelectorAll<HTMLElement>('[data-testid="work-center-tile"]')) {
        const workCenterId = tile.dataset.workCenterId ?? "";
        const state = tile.dataset.state ?? "";
        const since = tile.querySelector("time")?.getAttribute("datetime") ?? "";
        const key = `${state}|${since}`;
        const before = seen.get(workCenterId);
        seen.set(workCenterId, key);
        if (before !== undefined && before !== key)
          target.tileChanges?.push({ workCenterId, state, since, at: Date.now() });
      }
    };
    record();
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-state", "datetime"],
    });
  });
  const changes = () => page.evaluate(() => (window as TWindowWithChanges).tileChanges ?? []);

  // The simulator's machines start, run, stop and change over: several tiles move on their own to
  // a state that began moments ago (catching up on the silence since the seed changes tiles too,
  // to states that began long before; those do not count).
  const freshChanges = async () =>
    (await changes()).filter((change) => change.at - Date.parse(change.since) < 60_000 && change.since !== "");
  await expect
    .poll(async () => new Set((await freshChanges()).map((change) => change.workCenterId)).size, { timeout: 120_000 })
    .toBeGreaterThanOrEqual(3);
  expect(await page.evaluate(() => (window as TWindowWithChanges).loadedOnce)).toBe(true);

  // The newest of them: its tile counts time from when the machine changed, not from the page load.
  const latest = (await freshChanges()).at(-1);
  if (!latest) throw new Error("no tile changed");
  expect(latest.at - Date.parse(latest.since)).toBeGreaterThanOrEqual(-1_000);
  const tile = page.locator(`[data-testid="work-center-tile"][data-work-center-id="${latest.workCenterId}"]`);

  // Drill down: the work center's timeline ends in the state the tile shows now.
  const stateNow = await tile.getAttribute("data-state");
  await tile.click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/work-centers/${latest.workCenterId}$`));
  const timeline = page.getByTestId("work-center-timeline");
  await expect(timeline.getByRole("heading", { name: "State timeline" })).toBeVisible();
  const segments = timeline.getByTestId("timeline-segment");
  await expect(segments.first()).toBeVisible();
  await expect
    .poll(async () => {
      const states = await segments.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-state")));
      return states.includes(stateNow);
    })
    .toBe(true);
  // The timeline refreshes as the machine runs: should a refresh land mid-hover, move away and
  // hover again (a pointer that stays put gets no second mouseenter).
  await expect(async () => {
    await page.mouse.move(0, 0);
    await segments.first().hover();
    await expect(timeline.getByRole("tooltip")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(timeline.getByRole("tooltip")).toContainText(/\d/);
});
