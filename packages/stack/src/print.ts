// The launcher is a CLI talking to a person: plain lines on stdout/stderr, no logger.

export type Paint = (text: string) => string;

export type Palette = {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  blue: Paint;
  magenta: Paint;
  cyan: Paint;
};

const plain: Paint = (text) => text;
const ansi =
  (open: number, close: number): Paint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;

export function createPalette(enabled: boolean): Palette {
  if (!enabled) {
    return {
      bold: plain,
      dim: plain,
      red: plain,
      green: plain,
      yellow: plain,
      blue: plain,
      magenta: plain,
      cyan: plain,
    };
  }
  return {
    bold: ansi(1, 22),
    dim: ansi(2, 22),
    red: ansi(31, 39),
    green: ansi(32, 39),
    yellow: ansi(33, 39),
    blue: ansi(34, 39),
    magenta: ansi(35, 39),
    cyan: ansi(36, 39),
  };
}

export function colorWanted(env: { NO_COLOR?: string; FORCE_COLOR?: string }): boolean {
  if (env.NO_COLOR !== undefined) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0";
  return process.stdout.isTTY === true;
}

let palette = createPalette(false);

export function usePalette(next: Palette): void {
  palette = next;
}

export function colors(): Palette {
  return palette;
}

export function print(line = ""): void {
  process.stdout.write(`${line}\n`);
}

/** A step of the launcher, e.g. "postgres  embedded, .gemba/postgres on port 54329". */
export function printStep(label: string, message: string): void {
  print(`${palette.cyan(label.padEnd(9))} ${message}`);
}

export function printError(message: string): void {
  process.stderr.write(`${palette.red("error")}  ${message}\n`);
}

export function printWarning(message: string): void {
  process.stderr.write(`${palette.yellow("warning")} ${message}\n`);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point
const ansiPattern = /\u001b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  return text.replace(ansiPattern, "").length;
}

/** Lines in a rounded frame, padded to the widest one. */
export function frame(lines: string[]): string[] {
  const width = Math.max(...lines.map(visibleLength));
  const pad = (line: string) => line + " ".repeat(width - visibleLength(line));
  return [`╭${"─".repeat(width + 4)}╮`, ...lines.map((line) => `│  ${pad(line)}  │`), `╰${"─".repeat(width + 4)}╯`];
}
