import { foldText } from "./csv-values";

export type TOrderField =
  | "externalId"
  | "sku"
  | "quantity"
  | "dueAt"
  | "plannedStart"
  | "status"
  | "workCenter"
  | "releasedAt"
  | "startedAt"
  | "completedAt"
  | "lastChangedAt";
export type TProductField = "sku" | "name" | "idealCycleTimeSeconds";

export type TColumnSpec<F extends string> = {
  field: F;
  /** How the column is named in messages, with its best-known synonyms. */
  label: string;
  required: boolean;
  /** Folded header names, best first: when two columns match, the better name wins. */
  names: readonly string[];
  /** Cycle times: "Cycle time (s)", "Cycle time [min]" — the unit in the header converts to seconds. */
  unitAware?: boolean;
};

const ORDER_NUMBER = [
  "order",
  "ordernumber",
  "orderno",
  "ordernr",
  "orderid",
  "manufacturingorder",
  "productionorder",
  "productionordernumber",
  "mfgorder",
  "workorder",
  "workordernumber",
  "auftrag",
  "auftragsnummer",
  "fertigungsauftrag",
  "aufnr",
];
const MATERIAL = [
  "material",
  "materialnumber",
  "materialno",
  "matnr",
  "sku",
  "product",
  "productnumber",
  "productid",
  "item",
  "itemnumber",
  "partnumber",
  "partno",
  "part",
  "artikel",
  "artikelnummer",
];

export const ORDER_COLUMNS: readonly TColumnSpec<TOrderField>[] = [
  { field: "externalId", label: "Order (or Order number, ManufacturingOrder)", required: true, names: ORDER_NUMBER },
  { field: "sku", label: "Material (or SKU, Product)", required: true, names: MATERIAL },
  {
    field: "quantity",
    label: "Quantity (or Qty)",
    required: true,
    names: [
      "quantity",
      "qty",
      "orderquantity",
      "plannedquantity",
      "totalquantity",
      "targetquantity",
      "mfgorderplannedtotalqty",
      "plannedtotalqty",
      "menge",
      "sollmenge",
      "auftragsmenge",
    ],
  },
  {
    field: "dueAt",
    label: "Due date (or Due, Finish date)",
    required: true,
    names: [
      "due",
      "duedate",
      "dueat",
      "duedatetime",
      "plannedend",
      "plannedenddate",
      "plannedfinish",
      "basicfinish",
      "basicfinishdate",
      "mfgorderplannedenddatetime",
      "finish",
      "finishdate",
      "enddate",
      "end",
      "scheduledend",
      "scheduledfinish",
      "mfgorderscheduledenddatetime",
      "deliverydate",
      "faellig",
      "faelligam",
      "endtermin",
      "eckendtermin",
      "eckterminende",
      "liefertermin",
    ],
  },
  {
    field: "plannedStart",
    label: "Start date",
    required: false,
    names: [
      "plannedstart",
      "plannedstartdate",
      "scheduledstart",
      "scheduledstartdate",
      "mfgorderscheduledstartdatetime",
      "mfgorderplannedstartdatetime",
      "basicstart",
      "basicstartdate",
      "start",
      "startdate",
      "starttermin",
      "eckstarttermin",
      "eckterminstart",
    ],
  },
  { field: "status", label: "Status", required: false, names: ["status", "orderstatus", "systemstatus", "state"] },
  {
    field: "workCenter",
    label: "Work center",
    required: false,
    names: ["workcenter", "workcentre", "workcentercode", "workcenterid", "arbeitsplatz", "resource", "machine"],
  },
  {
    field: "releasedAt",
    label: "Release date",
    required: false,
    names: [
      "releasedat",
      "releasedate",
      "releasedon",
      "actualrelease",
      "actualreleasedate",
      "mfgorderactualreleasedatetime",
      "freigabedatum",
    ],
  },
  {
    field: "startedAt",
    label: "Actual start",
    required: false,
    names: ["startedat", "actualstart", "actualstartdate", "mfgorderactualstartdatetime", "iststart"],
  },
  {
    field: "completedAt",
    label: "Actual end",
    required: false,
    names: [
      "completedat",
      "completiondate",
      "actualend",
      "actualenddate",
      "actualfinish",
      "actualfinishdate",
      "mfgorderactualenddatetime",
      "istende",
    ],
  },
  {
    field: "lastChangedAt",
    label: "Last changed",
    required: false,
    names: ["lastchanged", "lastchangedat", "lastchangedatetime", "lastmodified", "changedon", "changedat"],
  },
];

export const PRODUCT_COLUMNS: readonly TColumnSpec<TProductField>[] = [
  { field: "sku", label: "Material (or SKU, Product)", required: true, names: MATERIAL },
  {
    field: "name",
    label: "Name (or Description, Material description)",
    required: true,
    names: [
      "name",
      "description",
      "materialdescription",
      "productdescription",
      "materialname",
      "productname",
      "materialtext",
      "text",
      "shorttext",
      "bezeichnung",
      "materialkurztext",
      "kurztext",
    ],
  },
  {
    field: "idealCycleTimeSeconds",
    label: "Ideal cycle time (seconds)",
    required: false,
    unitAware: true,
    names: [
      "idealcycletime",
      "idealcycletimeseconds",
      "cycletime",
      "idealcycle",
      "standardcycletime",
      "taktzeit",
      "zykluszeit",
    ],
  },
];

const UNIT_SUFFIX = /(seconds|second|secs|sec|sekunden|s|minutes|minute|minuten|mins|min)$/;

export type TColumnMatch<F extends string> = {
  index: Map<F, number>;
  /** Multiplier from the header's unit to seconds, per unit-aware field. */
  factor: Map<F, number>;
  missing: TColumnSpec<F>[];
};

/**
 * Finds each field's column: header names are compared folded (case, spaces, underscores and
 * punctuation ignored), so "Due date", "due_date" and "DUE-DATE" are one name.
 */
export function matchColumns<F extends string>(
  headers: readonly string[],
  specs: readonly TColumnSpec<F>[],
): TColumnMatch<F> {
  const best = new Map<F, { column: number; rank: number; factor: number }>();
  headers.forEach((header, column) => {
    const folded = foldText(header);
    for (const spec of specs) {
      let rank = spec.names.indexOf(folded);
      let factor = 1;
      if (rank < 0 && spec.unitAware) {
        const unit = UNIT_SUFFIX.exec(folded)?.[1];
        if (unit) {
          rank = spec.names.indexOf(folded.slice(0, -unit.length).replace(/in$/, ""));
          factor = unit.startsWith("min") ? 60 : 1;
        }
      }
      const current = best.get(spec.field);
      if (rank >= 0 && (!current || rank < current.rank)) best.set(spec.field, { column, rank, factor });
    }
  });
  return {
    index: new Map([...best].map(([field, match]) => [field, match.column])),
    factor: new Map([...best].map(([field, match]) => [field, match.factor])),
    missing: specs.filter((spec) => spec.required && !best.has(spec.field)),
  };
}
