import { summarizeSamples, type TSampleSummary } from "@gemba/domain/stats/percentile";
import { test } from "@playwright/test";
import { signInAs, tenantIdOf } from "../e2e/demo-helpers";
import { startLivePlant } from "../e2e/live-plant";

/**
 * `pnpm bench:live` — how long a machine's state change takes to reach the plant manager's
 * browser, through the whole product: the plant simulator publishes Sparkplug B to the Mosquitto
 * broker, the worker's connector thread receives it and queues a batch, the ingest job stores it
 * and publishes the raw events, the execution job re-derives the timeline and publishes the new
 * state, the web app's SSE route forwards both, and the dashboard re-renders the tile.
 *
 * Latencies are measured from the event's own time (when the machine changed, as stamped by the
 * simulator) on the one clock browser and simulator share. The simulator publishes once per step
 * (--tick-ms 100), so every figure includes up to 100 ms the change waited to be sent: an upper
 * bound of what Gemba adds. Target: p95 < 1 s to the browser.
 */
const MEASURE_MS = Number(process.env.BENCH_LIVE_SECONDS || 120) * 1_000;
const TARGET_MS = 1_000;
const SPEED = 60;
const TICK_MS = 100;

type TLiveSamples = { events: number[]; execution: number[]; tiles: number[] };
type TWindowWithSamples = Window & { liveSamples?: TLiveSamples };

test("machine state change → browser", async ({ page }) => {
  const demo = await tenantIdOf("demo");
  const output: string[] = [];
  const plant = await startLivePlant({
    tenantId: demo,
    speed: SPEED,
    tickMs: TICK_MS,
    log: (line) => output.push(line),
  });
  try {
    await signInAs(page, "manager@demo.gemba.app");
    await page.getByTestId("work-center-tile").first().waitFor();
    await page.evaluate(installProbes);
    // Whatever the worker does while connecting (first births, the catch-up refresh) is warm-up.
    await page.waitForTimeout(15_000);
    await page.evaluate(() => {
      const samples = (window as TWindowWithSamples).liveSamples;
      if (samples) for (const list of Object.values(samples)) list.length = 0;
    });
    await page.waitForTimeout(MEASURE_MS);
    const samples = await page.evaluate(() => (window as TWindowWithSamples).liveSamples);
    if (!samples) throw new Error("the probes were not installed");
    report(samples);
  } catch (error) {
    process.stderr.write(`${output.slice(-50).join("\n")}\n`);
    throw error;
  } finally {
    await plant.stop();
  }
});

/** Runs in the page: listens to the same stream the dashboard uses and watches the tiles it renders. */
function installProbes() {
  const samples: TLiveSamples = { events: [], execution: [], tiles: [] };
  (window as TWindowWithSamples).liveSamples = samples;
  // A state is "new" the first time its (work center, since) is seen, within a minute of now.
  const recent = (since: number, at: number) => at - since < 60_000;

  const source = new EventSource("/api/live");
  source.addEventListener("events", (message) => {
    const at = Date.now();
    const { events } = JSON.parse((message as MessageEvent<string>).data) as {
      events: { kind: string; eventTime: string }[];
    };
    for (const event of events) {
      if (event.kind === "machine.state") samples.events.push(at - Date.parse(event.eventTime));
    }
  });
  const seenStates = new Set<string>();
  source.addEventListener("execution", (message) => {
    const at = Date.now();
    const { execution } = JSON.parse((message as MessageEvent<string>).data) as {
      execution: { workCenterId: string; since: string };
    };
    const key = `${execution.workCenterId}|${execution.since}`;
    if (seenStates.has(key)) return;
    seenStates.add(key);
    const since = Date.parse(execution.since);
    if (recent(since, at)) samples.execution.push(at - since);
  });

  const shown = new Map<string, string>();
  const watchTiles = () => {
    const at = Date.now();
    for (const tile of document.querySelectorAll<HTMLElement>('[data-testid="work-center-tile"]')) {
      const since = tile.querySelector("time")?.getAttribute("datetime");
      if (!since) continue;
      const workCenterId = tile.dataset.workCenterId ?? "";
      const before = shown.get(workCenterId);
      shown.set(workCenterId, since);
      if (before !== undefined && before !== since && recent(Date.parse(since), at)) {
        samples.tiles.push(at - Date.parse(since));
      }
    }
  };
  watchTiles();
  new MutationObserver(watchTiles).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["datetime"],
  });
}

function report(samples: TLiveSamples) {
  const line = (label: string, values: number[]) => {
    if (values.length === 0) return `  ${label}: no samples`;
    const summary: TSampleSummary = summarizeSamples(values);
    return `  ${label}: n=${summary.count}, p50 ${summary.p50} ms, p95 ${summary.p95} ms, max ${summary.max} ms`;
  };
  const tiles = samples.tiles.length > 0 ? summarizeSamples(samples.tiles) : null;
  const verdict = tiles === null ? "FAIL (no tile changed)" : tiles.p95 < TARGET_MS ? "PASS" : "FAIL";
  process.stdout.write(
    [
      "",
      `Live latency — simulator (speed ${SPEED}, ${TICK_MS} ms steps) → Sparkplug B → worker → SSE → dashboard, ${MEASURE_MS / 1_000} s:`,
      line("raw state event in the browser (SSE `events`)", samples.events),
      line("derived state in the browser (SSE `execution`)", samples.execution),
      line("tile re-rendered with the new state", samples.tiles),
      `${verdict}  tile p95 ${tiles ? `${tiles.p95} ms` : "—"} vs target < ${TARGET_MS} ms`,
      "",
    ].join("\n"),
  );
}
