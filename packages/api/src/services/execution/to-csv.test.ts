import { describe, expect, it } from "vitest";
import { toCsv } from "./to-csv";

type Row = { name: string | null; count: number; at: Date | null; ok: boolean };
const columns = [
  { header: "Name", value: (row: Row) => row.name },
  { header: "Count", value: (row: Row) => row.count },
  { header: "At", value: (row: Row) => row.at },
  { header: "OK", value: (row: Row) => row.ok },
];

describe("toCsv", () => {
  it("quotes only what needs it, doubles inner quotes, ends every record with CRLF", () => {
    const csv = toCsv(
      [
        { name: "plain", count: 3, at: new Date("2026-03-08T06:00:00Z"), ok: true },
        { name: 'say "hi", then\r\nleave', count: -1.5, at: null, ok: false },
        { name: null, count: Number.NaN, at: null, ok: false },
      ],
      columns,
    );
    expect(csv).toBe(
      "Name,Count,At,OK\r\n" +
        "plain,3,2026-03-08T06:00:00.000Z,true\r\n" +
        '"say ""hi"", then\r\nleave",-1.5,,false\r\n' +
        ",,,false\r\n",
    );
  });

  it("defuses text a spreadsheet would run as a formula, but leaves numbers alone", () => {
    const csv = toCsv([{ name: '=HYPERLINK("x")', count: -2, at: null, ok: true }], columns);
    expect(csv.split("\r\n")[1]).toBe('"\'=HYPERLINK(""x"")",-2,,true');
    expect(toCsv([{ name: "@cmd", count: 0, at: null, ok: true }], columns)).toContain("\r\n'@cmd,0,,true\r\n");
  });

  it("gives just the header for no rows", () => {
    expect(toCsv([], columns)).toBe("Name,Count,At,OK\r\n");
  });
});
