import { describe, expect, it } from "vitest";
import { formatLogLine } from "./log-lines";
import { createPalette } from "./print";

const palette = createPalette(false);

describe("log lines at the terminal", () => {
  it("turns a pino line into level, message and fields", () => {
    const line = JSON.stringify({ level: 30, time: 1, pid: 7, hostname: "h", msg: "worker ready", concurrency: 4 });
    expect(formatLogLine(line, palette)).toBe("INFO  worker ready concurrency=4");
  });

  it("puts an error's stack on lines of its own", () => {
    const line = JSON.stringify({
      level: 50,
      msg: "job failed",
      jobId: "j1",
      err: { message: "boom", stack: "Error: boom\n    at x" },
    });
    expect(formatLogLine(line, palette).split("\n")).toEqual(["ERROR job failed jobId=j1", "Error: boom", "    at x"]);
  });

  it("leaves everything else alone", () => {
    expect(formatLogLine("▲ Next.js 16", palette)).toBe("▲ Next.js 16");
    expect(formatLogLine("{not json", palette)).toBe("{not json");
    expect(formatLogLine('{"a":1}', palette)).toBe('{"a":1}');
  });
});
