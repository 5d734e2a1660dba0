import type { Prisma } from "@gemba/db/client";
import type { Tx } from "@gemba/db/tenant-scope";
import { AppError } from "@gemba/domain/errors";
import { sumOeeComponents, type TOeeComponents } from "@gemba/domain/execution/oee";
import { z } from "zod";
import { componentsFromSums, summarizeOee, type TOeeSummary } from "./bucket-sums";
import { MAX_RANGE_DAYS, withRangeCheck, ZExecutionScope, ZLocalDateRange } from "./execution-inputs";
import { compareByOee, type TOeeSort } from "./order-oee-sort";
import { sumOrderBuckets, type TOrderSpan } from "./order-production";
import { primaryTimeZone, resolveExecutionScope } from "./resolve-execution-scope";
import { resolveLocalDateRange, utcBoundsOf } from "./resolve-local-date-range";

/** Order rows one call returns at most (the CSV asks for this many; the dashboard for fewer). */
export const MAX_ORDER_OEE_ROWS = 5000;
/** Orders a range may hold at all: past it, the caller is asked for fewer days or one line. */
const MAX_ORDERS_IN_RANGE = 20_000;

export const ZOrderOeeInput = withRangeCheck(
  z.object({
    ...ZExecutionScope.shape,
    ...ZLocalDateRange.shape,
    /**
     * `default`: orders latest started first, products with the most planned time first. The
     * order rows are sorted before `limit` cuts them, so the lowest OEE are the lowest of all.
     */
    sort: z.enum(["default", "oeeAscending", "oeeDescending"]).default("default"),
    limit: z.number().int().min(1).max(MAX_ORDER_OEE_ROWS).default(200),
  }),
  "dates",
  MAX_RANGE_DAYS,
);
export type TOrderOeeInput = z.infer<typeof ZOrderOeeInput>;

type TProductRef = { id: string; sku: string; name: string };

export type TOrderOeeRow = TOeeSummary & {
  id: string;
  externalId: string;
  status: string;
  quantity: number;
  /** goodCount / quantity, not capped. */
  progress: number;
  /** Units counted during the run outside planned time: made, but not part of OEE. */
  unscheduledCount: number;
  startedAt: Date;
  completedAt: Date | null;
  /** Not completed: the figures run up to now. */
  running: boolean;
  product: TProductRef;
  workCenter: { id: string; code: string; name: string };
};

export type TProductOeeRow = TOeeSummary & {
  product: TProductRef;
  orderCount: number;
  quantity: number;
  unscheduledCount: number;
};

export type TOrderOee = {
  from: string;
  to: string;
  /** Orders that ran in the range; `orders` holds the first `limit` of them in the order asked. */
  orderCount: number;
  orders: TOrderOeeRow[];
  /** Every product of those orders (never cut by `limit`). */
  products: TProductOeeRow[];
};

/**
 * OEE per production order and per product. An order is in when its work center is in scope
 * and its run (started, up to completed or now) overlaps the range's dates at the site. Each
 * order is measured over its whole run, not clipped to the range, so its figures do not change
 * with the dates picked; a product sums the components of its orders, then divides. Cancelled
 * orders without a completion time are left out: nobody knows when they stopped running.
 */
export async function getOrderOee(tx: Tx, input: TOrderOeeInput, now = Date.now()): Promise<TOrderOee> {
  const scope = await resolveExecutionScope(tx, input);
  const range = resolveLocalDateRange(input, primaryTimeZone(scope), now);
  const empty = { from: range.from, to: range.to, orderCount: 0, orders: [], products: [] };
  if (scope.workCenterIds.length === 0) return empty;

  const overlapsRange: Prisma.ProductionOrderWhereInput[] = scope.sites.map((site) => {
    const bounds = utcBoundsOf(range, site.timeZone);
    return {
      workCenterId: { in: site.workCenterIds },
      startedAt: { lt: new Date(bounds.to) },
      OR: [{ completedAt: null }, { completedAt: { gt: new Date(bounds.from) } }],
    };
  });
  const orders = await tx.productionOrder.findMany({
    where: { OR: overlapsRange, NOT: { status: "CANCELLED", completedAt: null } },
    orderBy: [{ startedAt: "desc" }, { externalId: "asc" }],
    take: MAX_ORDERS_IN_RANGE + 1,
    select: {
      id: true,
      externalId: true,
      status: true,
      quantity: true,
      startedAt: true,
      completedAt: true,
      product: { select: { id: true, sku: true, name: true } },
      workCenter: { select: { id: true, code: true, name: true } },
    },
  });
  if (orders.length > MAX_ORDERS_IN_RANGE) {
    throw new AppError(
      "BAD_REQUEST",
      `More than ${MAX_ORDERS_IN_RANGE.toLocaleString("en-US")} orders ran in this range: pick fewer days or one line.`,
    );
  }

  const spans: TOrderSpan[] = orders.flatMap((order) =>
    order.startedAt && order.workCenter
      ? [
          {
            orderId: order.id,
            workCenterId: order.workCenter.id,
            startedAt: order.startedAt,
            completedAt: order.completedAt,
          },
        ]
      : [],
  );
  const sums = await sumOrderBuckets(tx, spans, now);

  const rows: TOrderOeeRow[] = [];
  const byProduct = new Map<
    string,
    { product: TProductRef; components: TOeeComponents[]; orderCount: number; quantity: number }
  >();
  for (const order of orders) {
    if (!order.startedAt || !order.workCenter) continue;
    const components = componentsFromSums(sums.get(order.id));
    const summary = summarizeOee(components);
    rows.push({
      ...summary,
      id: order.id,
      externalId: order.externalId,
      status: order.status,
      quantity: order.quantity,
      progress: order.quantity > 0 ? summary.goodCount / order.quantity : 0,
      unscheduledCount: components.unscheduledCount,
      startedAt: order.startedAt,
      completedAt: order.completedAt,
      running: order.completedAt === null,
      product: order.product,
      workCenter: order.workCenter,
    });
    const product = byProduct.get(order.product.id) ?? {
      product: order.product,
      components: [],
      orderCount: 0,
      quantity: 0,
    };
    product.components.push(components);
    product.orderCount += 1;
    product.quantity += order.quantity;
    byProduct.set(order.product.id, product);
  }

  const products = [...byProduct.values()].map(({ product, components, orderCount, quantity }) => {
    const total = sumOeeComponents(components);
    return { ...summarizeOee(total), product, orderCount, quantity, unscheduledCount: total.unscheduledCount };
  });
  const sort: TOeeSort = input.sort;
  // Already latest started first from the query; a stable sort keeps that order among equal OEEs.
  if (sort !== "default") rows.sort(compareByOee(sort));
  products.sort(
    sort === "default"
      ? (a, b) => b.plannedMinutes - a.plannedMinutes || a.product.sku.localeCompare(b.product.sku)
      : compareByOee(sort),
  );
  return { from: range.from, to: range.to, orderCount: rows.length, orders: rows.slice(0, input.limit), products };
}
