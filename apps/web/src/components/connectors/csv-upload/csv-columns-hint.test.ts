import { describe, expect, it } from "vitest";
import { requiredColumnsHint } from "./csv-columns-hint";

describe("requiredColumnsHint", () => {
  it("names the required columns of an orders file and their other names", () => {
    expect(requiredColumnsHint("orders")).toBe(
      "Needs a header line with Order, Material, Quantity and Due date (other names work too: Order number, ManufacturingOrder, SKU, Product, Qty, Due, Finish date); comma, semicolon or tab separated, as Excel saves it.",
    );
  });

  it("names the required columns of a products file", () => {
    expect(requiredColumnsHint("products")).toMatch(
      /^Needs a header line with Material and Name \(other names work too: SKU/,
    );
  });
});
