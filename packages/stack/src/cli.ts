import { seedCommand } from "./commands/seed";
import { startCommand } from "./commands/start";
import { testCommand } from "./commands/test";
import { launcherEnv } from "./env";
import { reportError } from "./errors";
import { colorWanted, createPalette, print, usePalette } from "./print";

const usage = `Usage: gemba <command>

  start   run Gemba (web + worker) with its database, Redis and a demo tenant
  dev     the same with live reload (next dev, tsx watch)
  test    lint, typecheck, unit, integration and e2e tests; ends with "N passed, N failed"
  seed    apply migrations and create the demo tenant, then exit`;

async function main(argv: string[]): Promise<void> {
  const [command] = argv;
  try {
    usePalette(createPalette(colorWanted(launcherEnv())));
  } catch (error) {
    reportError(error);
    process.exit(1);
  }
  switch (command) {
    case "start":
      return startCommand({ dev: false });
    case "dev":
      return startCommand({ dev: true });
    case "test":
      return testCommand();
    case "seed":
      return seedCommand();
    case undefined:
    case "help":
    case "--help":
    case "-h":
      print(usage);
      return;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${usage}\n`);
      process.exit(2);
  }
}

await main(process.argv.slice(2));
