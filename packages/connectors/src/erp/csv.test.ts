import { describe, expect, it } from "vitest";
import { parseOrdersCsv, parseProductsCsv } from "./csv";
import { readCsvTable } from "./csv-table";
import { parseCsvNumber, parseCsvStatus } from "./csv-values";

const berlin = { dateFormat: "auto", timeZone: "Europe/Berlin", now: new Date("2026-11-24T10:00:00Z") } as const;

// A German Excel export: BOM, semicolons, decimal commas, dotted dates, SAP status codes, CRLF.
const GERMAN_EXPORT = [
  "\uFEFFAuftrag;Material;Menge;Fällig am;Eckstarttermin;Arbeitsplatz;Systemstatus",
  "000001000123;FG-100;1.500;24.11.2026;23.11.2026 06:00;PRESS01;REL  PRC  MACM",
  "1000124;FG-200;250;25.11.2026 14:30;;press01;REL  PCNF TECO",
  "1000125;FG-100;abc;26.11.2026;;PRESS01;REL",
  '"1000126";"FG-200";12,5;27.11.2026;;;CRTD',
  "1000127;FG-100;80;31.02.2026;;PRESS02;REL",
  ";;;;;;",
  "",
].join("\r\n");

describe("parseOrdersCsv", () => {
  it("reads a semicolon-separated German export with a BOM, and reports each bad line", () => {
    const parsed = parseOrdersCsv(GERMAN_EXPORT, berlin);
    expect(parsed.delimiter).toBe(";");
    expect(parsed.columns).toMatchObject({
      externalId: "Auftrag",
      sku: "Material",
      quantity: "Menge",
      dueAt: "Fällig am",
      plannedStart: "Eckstarttermin",
      workCenter: "Arbeitsplatz",
      status: "Systemstatus",
    });
    expect(parsed.records.map((entry) => [entry.line, entry.record])).toEqual([
      [
        2,
        {
          externalId: "1000123",
          sku: "FG-100",
          quantity: 1500,
          status: "RELEASED",
          plannedStart: new Date("2026-11-23T05:00:00Z"),
          // A date without a time is due by the end of that day, in the plant's zone (CET = UTC+1).
          dueAt: new Date("2026-11-24T22:59:59Z"),
          erpWorkCenter: "PRESS01",
          lastChangedAt: berlin.now,
        },
      ],
      [
        3,
        {
          externalId: "1000124",
          sku: "FG-200",
          quantity: 250,
          status: "COMPLETED",
          plannedStart: null,
          dueAt: new Date("2026-11-25T13:30:00Z"),
          erpWorkCenter: "press01",
          lastChangedAt: berlin.now,
        },
      ],
    ]);
    expect(parsed.rejected.map(({ line, reason }) => [line, reason])).toEqual([
      [4, 'Menge "abc" is not a number'],
      [5, 'Menge "12,5" is not a whole number of units (Gemba counts pieces)'],
      [6, 'Fällig am "31.02.2026" is not a valid calendar date or time'],
    ]);
    expect(parsed.rejected[0]?.payload).toMatchObject({ Auftrag: "1000125", Menge: "abc" });
  });

  it("reads English headers with synonyms, quoted fields and ISO dates from a comma-separated file", () => {
    const csv = [
      "Order number,SKU,Qty,Due date,Planned start,Work Center,Status,Notes",
      '4711,BRKT-1,"1,200",2026-11-24T14:00:00Z,2026-11-24 06:00,PRESS01,In progress,"rush, customer ""ACME"""',
      '4712,BRKT-2,300,2026-11-25,,,released,"two',
      'lines"',
      "4713,BRKT-1,40,2026-11-26,,LATHE09,,",
    ].join("\n");
    const parsed = parseOrdersCsv(csv, berlin);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.records.map((entry) => entry.line)).toEqual([2, 3, 5]);
    expect(parsed.records[0]?.record).toMatchObject({
      quantity: 1200,
      status: "IN_PROGRESS",
      dueAt: new Date("2026-11-24T14:00:00Z"),
      plannedStart: new Date("2026-11-24T05:00:00Z"),
    });
    // An empty cell says "none"; a missing value in an optional column keeps what Gemba has.
    expect(parsed.records[1]?.record).toMatchObject({ plannedStart: null, erpWorkCenter: null, status: "RELEASED" });
    expect(parsed.records[2]?.record.status).toBeUndefined();
    expect(parsed.records[2]?.record).not.toHaveProperty("startedAt");
  });

  it("lets the file decide day/month order, and refuses to guess when it cannot", () => {
    const us = "Order,Material,Quantity,Due\n1,A,5,11/24/2026\n2,A,5,03/04/2026\n";
    expect(
      parseOrdersCsv(us, { ...berlin, timeZone: "UTC" }).records.map((entry) => entry.record.dueAt.toISOString()),
    ).toEqual(["2026-11-24T23:59:59.000Z", "2026-03-04T23:59:59.000Z"]);
    const ambiguous = "Order,Material,Quantity,Due\n1,A,5,03/04/2026\n";
    expect(parseOrdersCsv(ambiguous, berlin).rejected[0]?.reason).toMatch(
      /"03\/04\/2026" could be day\/month or month\/day/,
    );
    const hinted = parseOrdersCsv(ambiguous, { ...berlin, dateFormat: "DMY", timeZone: "UTC" });
    expect(hinted.records[0]?.record.dueAt.toISOString()).toBe("2026-04-03T23:59:59.000Z");
  });

  it("reports a broken quote and a repeated order by line, and imports the rest", () => {
    const csv = [
      "sep=;",
      "Order;Material;Quantity;Due",
      '1;A;"5"x;2026-11-24',
      "2;A;5;2026-11-24",
      '3;"A;5;2026-11-24',
      "4;A;5;2026-11-24",
      "2;A;6;2026-11-25",
    ].join("\n");
    const parsed = parseOrdersCsv(csv, berlin);
    expect(parsed.records.map((entry) => [entry.line, entry.record.externalId, entry.record.quantity])).toEqual([
      [6, "4", 5],
      [7, "2", 6],
    ]);
    expect(parsed.rejected.map(({ line, reason }) => [line, reason])).toEqual([
      [3, "unexpected text after the closing quote of column 3"],
      [4, "order 2 appears again on line 7; that line is the one imported"],
      [5, "a quote opened on line 5 is never closed"],
    ]);
  });

  it("says which columns are required when the header is not recognisable", () => {
    expect(() => parseOrdersCsv("1000123;FG-100;500;24.11.2026\n1000124;FG-100;20;25.11.2026", berlin)).toThrow(
      /No column for Order, Material, Quantity, Due date\. An orders file needs a header line with the columns Order \(or Order number, ManufacturingOrder\); Material \(or SKU, Product\); Quantity \(or Qty\); Due date/,
    );
    expect(() => parseOrdersCsv("Material;Description;Cycle time\nFG-1;Bracket;12", berlin)).toThrow(
      /This looks like a products file/,
    );
    expect(() => parseOrdersCsv("  \n", berlin)).toThrow("The file is empty.");
  });
});

describe("parseProductsCsv", () => {
  it("reads cycle times in the header's unit, tab-separated", () => {
    const csv =
      "Material\tMaterial description\tCycle time [min]\nFG-100\tBracket left\t0,5\nFG-200\tBracket right\t\nFG-300\t\t1\n";
    const parsed = parseProductsCsv(csv);
    expect(parsed.delimiter).toBe("\t");
    expect(parsed.records.map((entry) => entry.record)).toEqual([
      { sku: "FG-100", name: "Bracket left", idealCycleTimeSeconds: 30 },
      { sku: "FG-200", name: "Bracket right" },
    ]);
    expect(parsed.rejected).toEqual([
      {
        line: 4,
        reason: "Material description is empty",
        payload: { Material: "FG-300", "Material description": "", "Cycle time [min]": "1" },
      },
    ]);
  });
});

describe("CSV values", () => {
  it("reads numbers the way the file's locale writes them", () => {
    expect(parseCsvNumber("1.500", ";")).toEqual({ ok: true, value: 1500 });
    expect(parseCsvNumber("1.500", ",")).toEqual({ ok: true, value: 1.5 });
    expect(parseCsvNumber("1,500", ",")).toEqual({ ok: true, value: 1500 });
    expect(parseCsvNumber("1.234,5", ";")).toEqual({ ok: true, value: 1234.5 });
    expect(parseCsvNumber("1'234.5", ",")).toEqual({ ok: true, value: 1234.5 });
    expect(parseCsvNumber("12 pcs", ",").ok).toBe(false);
  });

  it("knows statuses by word, in German and as SAP system status lines", () => {
    expect(parseCsvStatus("Freigegeben")).toEqual({ ok: true, value: "RELEASED" });
    expect(parseCsvStatus("IN_PROGRESS")).toEqual({ ok: true, value: "IN_PROGRESS" });
    expect(parseCsvStatus("REL  PCNF PRC")).toEqual({ ok: true, value: "IN_PROGRESS" });
    expect(parseCsvStatus("REL  DLFL")).toEqual({ ok: true, value: "CANCELLED" });
    expect(parseCsvStatus("on hold").ok).toBe(false);
  });

  it("keeps line numbers across CR line ends and multi-line fields", () => {
    const table = readCsvTable('a,b\r"x\ry",1\r\r2,3');
    expect(table.rows.map((row) => [row.line, row.fields])).toEqual([
      [1, ["a", "b"]],
      [2, ["x\ny", "1"]],
      [5, ["2", "3"]],
    ]);
  });
});
