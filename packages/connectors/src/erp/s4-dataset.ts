import type { TS4Row } from "./fake-s4-service";

/**
 * A plant's order book in the shape SAP S/4HANA's OData V4 APIs deliver it, for tests and for
 * the simulator: products FG-100…, production orders 1000100… cycling through the statuses
 * (created, released, partially confirmed, technically completed) on two work centers.
 */

export type TS4DatasetOptions = {
  orders: number;
  products: number;
  /** Change time of the first order; each further order changed ten minutes later. */
  firstChange: Date;
  plant?: string;
  workCenters?: readonly string[];
};

const MINUTE = 60_000;

/** SAP's LastChangeDateTime has seven fractional digits; Gemba must cope with them. */
export function sapTimestamp(date: Date): string {
  return date.toISOString().replace(/Z$/, "1234Z");
}

export function s4Product(index: number, changedAt: Date): TS4Row {
  const product = `FG-${100 + index}`;
  return {
    Product: product,
    ProductType: "FERT",
    BaseUnit: "PC",
    LastChangeDateTime: sapTimestamp(changedAt),
    ...(index === 1 ? { YY1_IdealCycleTimeSeconds: 12.5 } : {}),
    _ProductDescription: [
      { Product: product, Language: "DE", ProductDescription: `Halter ${100 + index}` },
      { Product: product, Language: "EN", ProductDescription: `Bracket ${100 + index}` },
    ],
  };
}

export type TS4OrderStage = "CREATED" | "RELEASED" | "STARTED" | "TECO";

export function s4Order(input: {
  order: string;
  material: string;
  plant: string;
  workCenter: string | null;
  quantity: number | string;
  stage: TS4OrderStage;
  plannedStart: Date;
  changedAt: Date;
}): TS4Row {
  const { stage, plannedStart } = input;
  const at = (minutes: number) => new Date(plannedStart.getTime() + minutes * MINUTE).toISOString();
  const released = stage !== "CREATED";
  const started = stage === "STARTED" || stage === "TECO";
  return {
    ManufacturingOrder: input.order,
    ManufacturingOrderCategory: "10",
    ManufacturingOrderType: "PP01",
    Material: input.material,
    ProductionPlant: input.plant,
    WorkCenter: input.workCenter,
    MfgOrderPlannedTotalQty: input.quantity,
    ProductionUnit: "PC",
    MfgOrderPlannedStartDateTime: at(0),
    MfgOrderPlannedEndDateTime: at(8 * 60),
    MfgOrderScheduledStartDateTime: at(30),
    MfgOrderScheduledEndDateTime: at(7 * 60),
    MfgOrderActualReleaseDateTime: released ? at(-24 * 60) : null,
    MfgOrderActualStartDateTime: started ? at(35) : null,
    MfgOrderActualEndDateTime: stage === "TECO" ? at(6 * 60) : null,
    OrderIsCreated: true,
    OrderIsReleased: released,
    OrderIsPartiallyConfirmed: started,
    OrderIsConfirmed: false,
    OrderIsTechnicallyCompleted: stage === "TECO",
    OrderIsClosed: false,
    OrderIsDeleted: false,
    OrderIsMarkedForDeletion: false,
    LastChangeDateTime: sapTimestamp(input.changedAt),
  };
}

const STAGES: readonly TS4OrderStage[] = ["CREATED", "RELEASED", "STARTED", "TECO", "RELEASED"];

export function s4Dataset(options: TS4DatasetOptions): { products: TS4Row[]; orders: TS4Row[] } {
  const workCenters = options.workCenters ?? ["PRESS01", "PRESS02"];
  const products = Array.from({ length: options.products }, (_, index) =>
    s4Product(index, new Date(options.firstChange.getTime() - (options.products - index) * MINUTE)),
  );
  const orders = Array.from({ length: options.orders }, (_, index) =>
    s4Order({
      order: String(1_000_100 + index),
      material: `FG-${100 + (index % options.products)}`,
      plant: options.plant ?? "1010",
      workCenter: workCenters[index % workCenters.length] ?? null,
      quantity: 100 + 25 * index,
      stage: STAGES[index % STAGES.length] ?? "CREATED",
      plannedStart: new Date(options.firstChange.getTime() + index * 8 * 60 * MINUTE),
      changedAt: new Date(options.firstChange.getTime() + index * 10 * MINUTE),
    }),
  );
  return { products, orders };
}
