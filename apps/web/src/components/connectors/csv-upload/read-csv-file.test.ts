import { describe, expect, it } from "vitest";
import { decodeCsvBytes, formatFileSize, MAX_UPLOAD_BYTES, readCsvFile } from "./read-csv-file";

const file = (bytes: number[] | Uint8Array, name = "orders.csv") =>
  Object.assign(new Blob([new Uint8Array(bytes)]), { name });

describe("decodeCsvBytes", () => {
  it("reads UTF-8 and drops the byte order mark Excel writes", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Order;Material\n4711;Ø40")]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: "Order;Material\n4711;Ø40", encoding: "UTF-8" });
  });

  it("reads a file that is not UTF-8 as Windows-1252, Excel's CSV on Windows", () => {
    // "Müller;Café" in Windows-1252: ü (0xFC) and é (0xE9) are single bytes, not valid UTF-8.
    // (Node decodes 0x80–0x9F as Latin-1, browsers as Windows-1252 — "€" is only checked in the browser.)
    const bytes = new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x43, 0x61, 0x66, 0xe9]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: "Müller;Café", encoding: "Windows-1252" });
  });

  it("reads Excel's Unicode text (UTF-16 with a byte order mark)", () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x4f, 0x00, 0x09, 0x00, 0xd8, 0x00]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: "O\tØ", encoding: "UTF-16" });
  });
});

describe("readCsvFile", () => {
  it("refuses a file over 10 MB before reading it", async () => {
    const big = Object.assign(new Blob([new Uint8Array(MAX_UPLOAD_BYTES + 1)]), { name: "all-orders.csv" });
    const result = await readCsvFile(big);
    expect(result).toEqual({ ok: false, problem: expect.stringContaining("all-orders.csv is 10.0 MB") });
  });

  it("says so when the file is an Excel workbook", async () => {
    const result = await readCsvFile(file([0x50, 0x4b, 0x03, 0x04, 0x14], "orders.xlsx"));
    expect(result).toEqual({ ok: false, problem: expect.stringContaining("orders.xlsx is an Excel workbook") });
  });

  it("refuses an empty file and reads a good one", async () => {
    expect(await readCsvFile(file([]))).toEqual({ ok: false, problem: "orders.csv is empty." });
    expect(await readCsvFile(file(new TextEncoder().encode("Order,Material")))).toEqual({
      ok: true,
      text: "Order,Material",
      encoding: "UTF-8",
    });
  });
});

describe("formatFileSize", () => {
  it("uses the unit a person expects", () => {
    expect(formatFileSize(120)).toBe("120 bytes");
    expect(formatFileSize(2_048)).toBe("2 KB");
    expect(formatFileSize(2.5 * 1024 * 1024)).toBe("2.5 MB");
  });
});
