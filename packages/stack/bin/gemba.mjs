#!/usr/bin/env node
// Entry point of `npm start` and `npm test`. It runs before any dependency is installed, so it
// uses Node's own modules only: check Node, get pnpm, install, then hand over to the TypeScript
// launcher (packages/stack/src/cli.ts) and relay signals and the exit code.
import { spawn, spawnSync } from "node:child_process";
import { constants, tmpdir } from "node:os";
import { delimiter, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const PNPM_VERSION = "10.34.9";
const MIN_NODE = [20, 19];
const COMMANDS = new Set(["start", "dev", "test", "seed"]);

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const stackDir = resolve(repoRoot, "packages/stack");
const isWindows = process.platform === "win32";

function say(message) {
  process.stdout.write(`${message}\n`);
}

function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}

function checkNode() {
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  if (major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])) return;
  fail(
    `Gemba needs Node.js ${MIN_NODE.join(".")} or newer; this is ${process.versions.node}. ` +
      "Install a current LTS from https://nodejs.org (or `nvm install 22`) and run the command again.",
  );
}

/** The pnpm on PATH: its version, asked outside the repository so no packageManager switching kicks in. */
function pnpmVersion() {
  const result = spawnSync("pnpm", ["--version"], {
    cwd: tmpdir(),
    encoding: "utf8",
    shell: isWindows,
    stdio: ["ignore", "pipe", "ignore"],
  });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * Makes `pnpm` (major 10) callable: the one on PATH, else a global install, else npx's copy —
 * whose folder then goes first on PATH, since the launcher and turbo call `pnpm` by name too.
 */
function ensurePnpm() {
  const wantedMajor = PNPM_VERSION.split(".")[0];
  const installed = pnpmVersion();
  if (installed?.split(".")[0] === wantedMajor) return;

  say(
    installed
      ? `Gemba needs pnpm ${wantedMajor}.x (found ${installed}); installing pnpm@${PNPM_VERSION} with npm…`
      : `Installing pnpm@${PNPM_VERSION} with npm (Gemba's package manager)…`,
  );
  const npmInstall = spawnSync("npm", ["install", "--global", `pnpm@${PNPM_VERSION}`], {
    stdio: "inherit",
    shell: isWindows,
  });
  if (npmInstall.status === 0 && pnpmVersion()?.split(".")[0] === wantedMajor) return;

  // Typically no permission to write npm's global folder: use the copy npx keeps in its cache.
  say(`Could not install pnpm globally; using npx's pnpm@${PNPM_VERSION} instead.`);
  const located = spawnSync(
    "npx",
    ["--yes", "-p", `pnpm@${PNPM_VERSION}`, "-c", isWindows ? "where pnpm" : "command -v pnpm"],
    { cwd: tmpdir(), encoding: "utf8", shell: isWindows, stdio: ["ignore", "pipe", "inherit"] },
  );
  const pnpmPath = located.status === 0 ? located.stdout.trim().split(/\r?\n/)[0] : "";
  if (pnpmPath) {
    process.env.PATH = `${dirname(pnpmPath)}${delimiter}${process.env.PATH ?? ""}`;
    if (pnpmVersion()) return;
  }
  fail(
    `Gemba needs pnpm ${PNPM_VERSION} and could not get it. Install it yourself (\`npm install -g pnpm@${PNPM_VERSION}\`, ` +
      "with sudo if npm's global folder needs it) and run the command again.",
  );
}

function install() {
  say("Checking dependencies (pnpm install)…");
  // pnpm finishes in about a second when nothing changed. --prefer-offline uses the local store
  // first, so installs work on machines with a registry mirror or a pre-filled store.
  const result = spawnSync("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], {
    cwd: repoRoot,
    stdio: "inherit",
    shell: isWindows,
  });
  if (result.status !== 0) {
    fail(
      "Installing dependencies failed (pnpm's message is above). If it names an outdated lockfile, " +
        "run `pnpm install` and commit pnpm-lock.yaml; offline, fill the pnpm store on a connected machine first.",
    );
  }
}

/**
 * Runs the launcher in its own process group: a terminal's Ctrl+C then reaches only this process,
 * which forwards it once, and the launcher stops the web app and worker before the databases.
 */
function runLauncher(args) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    cwd: stackDir,
    stdio: ["ignore", "inherit", "inherit"],
    detached: !isWindows,
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on("error", (error) => fail(`Could not start the Gemba launcher: ${error.message}`));
  child.on("exit", (code, signal) => {
    process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1));
  });
}

const [command, ...rest] = process.argv.slice(2);
if (!COMMANDS.has(command ?? "")) {
  fail(`Usage: node packages/stack/bin/gemba.mjs <${[...COMMANDS].join("|")}>`);
}
checkNode();
ensurePnpm();
install();
runLauncher([command, ...rest]);
