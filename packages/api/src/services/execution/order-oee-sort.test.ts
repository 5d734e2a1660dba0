import { describe, expect, it } from "vitest";
import { compareByOee } from "./order-oee-sort";

const rows = [
  { id: "a", oee: 0.7 },
  { id: "none", oee: null },
  { id: "b", oee: 0.4 },
  { id: "c", oee: 0.9 },
  { id: "d", oee: 0.4 },
];

describe("compareByOee", () => {
  it("puts the lowest first, rows without an OEE last, equal ones in their previous order", () => {
    expect([...rows].sort(compareByOee("oeeAscending")).map((row) => row.id)).toEqual(["b", "d", "a", "c", "none"]);
  });

  it("puts the highest first and still leaves rows without an OEE last", () => {
    expect([...rows].sort(compareByOee("oeeDescending")).map((row) => row.id)).toEqual(["c", "a", "b", "d", "none"]);
  });
});
