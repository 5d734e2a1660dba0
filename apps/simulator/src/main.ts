import pino from "pino";
import { loadSimulatorOptions, type TSimulatorOptions, USAGE } from "./options";
import { startSimulator, type TRunningSimulator } from "./start-simulator";

const SHUTDOWN_GRACE_MS = 10_000;

function readOptions(): TSimulatorOptions | undefined {
  try {
    const options = loadSimulatorOptions();
    if (options !== "help") return options;
    process.stdout.write(USAGE);
  } catch (error) {
    process.stderr.write(
      `${error instanceof Error ? error.message : String(error)}\nRun with --help for the options.\n`,
    );
    process.exitCode = 2;
  }
  return undefined;
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options === undefined) return;
  const logger = pino({ name: "gemba-simulator", level: options.logLevel });
  let simulator: TRunningSimulator | undefined;
  let stopping = false;

  // Registered before anything starts, so Ctrl-C during start-up also stops cleanly.
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: DDEATH/NDEATH, closing the agent and the OPC UA server");
    const force = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    await simulator?.stop();
    logger.info("simulator stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  const started = await startSimulator({ ...options, logger });
  simulator = started;
  if (stopping) {
    await started.stop();
    return;
  }
  const { endpoints, problems } = started;
  if (Object.keys(endpoints).length === 0) {
    logger.fatal("no protocol could start; nothing to simulate for");
    await started.stop();
    process.exit(1);
  }
  logger.info(
    { speed: options.speed, seed: options.seed, workCenters: started.plant.machines.size, problems: problems.length },
    "Riverside Components is running at %d× speed; Ctrl-C to stop",
    options.speed,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
