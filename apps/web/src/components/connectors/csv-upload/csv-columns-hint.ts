import { ORDER_COLUMNS, PRODUCT_COLUMNS, type TColumnSpec } from "@gemba/connectors/erp/csv-columns";

export type TCsvKind = "orders" | "products";

/** "Order (or Order number, ManufacturingOrder)" → the name and the other names the import understands. */
function namesOf(spec: TColumnSpec<string>): { name: string; others: string[] } {
  const match = /^(.*?) \(or (.*)\)$/.exec(spec.label);
  return match?.[1] && match[2] ? { name: match[1], others: match[2].split(", ") } : { name: spec.label, others: [] };
}

const listed = (names: readonly string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");

/**
 * What a good file looks like, in one line, from the importer's own column list: "Needs a header
 * line with Order, Material, Quantity and Due date (other names work too: Order number, SKU, …)".
 */
export function requiredColumnsHint(kind: TCsvKind): string {
  const specs: readonly TColumnSpec<string>[] = kind === "orders" ? ORDER_COLUMNS : PRODUCT_COLUMNS;
  const required = specs.filter((spec) => spec.required).map(namesOf);
  const others = required.flatMap((column) => column.others);
  return [
    `Needs a header line with ${listed(required.map((column) => column.name))}`,
    others.length > 0 ? ` (other names work too: ${others.join(", ")})` : "",
    "; comma, semicolon or tab separated, as Excel saves it.",
  ].join("");
}
