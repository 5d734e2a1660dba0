import type { Tx } from "@gemba/db/tenant-scope";
import { z } from "zod";
import {
  ORDER_COLUMNS,
  ORDER_OEE_COLUMNS,
  oeeTrendColumns,
  PARETO_COLUMNS,
  PRODUCT_OEE_COLUMNS,
  TIMELINE_COLUMNS,
  UNCLASSIFIED_COLUMNS,
  WATERFALL_COLUMNS,
} from "./execution-csv-columns";
import { getLosses, ZLossesInput } from "./get-losses";
import { getOeeTrend, ZOeeTrendInput } from "./get-oee-trend";
import { getOrderOee, ZOrderOeeInput } from "./get-order-oee";
import { getWorkCenterTimeline, ZWorkCenterTimelineInput } from "./get-work-center-timeline";
import { listOrdersWithProjection, ZOrdersInput } from "./list-orders-with-projection";
import { listUnclassifiedDowntimes, ZUnclassifiedDowntimesInput } from "./list-unclassified-downtimes";
import { toCsv } from "./to-csv";

/**
 * The table to export and the same input its procedure takes. A plain union of objects (not a
 * discriminated union, not intersections) so that its JSON Schema lists each variant with its
 * fields, which is how the cross-tenant probe finds the ids to try. Range lengths are checked by
 * the services (a union would bury that message under "invalid input").
 */
export const ZExportInput = z.union([
  z.object({ table: z.literal("oeeTrend"), ...ZOeeTrendInput.shape }),
  z.object({ table: z.enum(["losses", "pareto"]), ...ZLossesInput.shape }),
  z.object({ table: z.literal("unclassified"), ...ZUnclassifiedDowntimesInput.shape }),
  z.object({ table: z.literal("orders"), ...ZOrdersInput.shape }),
  z.object({ table: z.literal("timeline"), ...ZWorkCenterTimelineInput.shape }),
  z.object({ table: z.enum(["orderOee", "productOee"]), ...ZOrderOeeInput.shape }),
]);
export type TExportInput = z.infer<typeof ZExportInput>;

export type TExport = { fileName: string; csv: string };

/** One list the dashboard shows, as RFC 4180 CSV with a file name saying what and when. */
export async function exportExecutionTable(tx: Tx, input: TExportInput, now = Date.now()): Promise<TExport> {
  switch (input.table) {
    case "oeeTrend": {
      const trend = await getOeeTrend(tx, input, now);
      return {
        fileName: `oee-by-${trend.granularity}_${trend.from}_${trend.to}.csv`,
        csv: toCsv(trend.points, oeeTrendColumns(trend.granularity)),
      };
    }
    case "losses": {
      const losses = await getLosses(tx, input, now);
      return {
        fileName: `six-big-losses_${losses.from}_${losses.to}.csv`,
        csv: toCsv(losses.waterfall, WATERFALL_COLUMNS),
      };
    }
    case "pareto": {
      const losses = await getLosses(tx, input, now);
      return { fileName: `downtime-pareto_${losses.from}_${losses.to}.csv`, csv: toCsv(losses.pareto, PARETO_COLUMNS) };
    }
    case "unclassified": {
      const stops = await listUnclassifiedDowntimes(tx, input, now);
      return { fileName: `unclassified-stops_${stampOf(now)}.csv`, csv: toCsv(stops, UNCLASSIFIED_COLUMNS) };
    }
    case "orders": {
      const orders = await listOrdersWithProjection(tx, input, now);
      return { fileName: `orders-${input.status}_${stampOf(now)}.csv`, csv: toCsv(orders, ORDER_COLUMNS) };
    }
    case "orderOee": {
      const oee = await getOrderOee(tx, input, now);
      return { fileName: `oee-by-order_${oee.from}_${oee.to}.csv`, csv: toCsv(oee.orders, ORDER_OEE_COLUMNS) };
    }
    case "productOee": {
      const oee = await getOrderOee(tx, input, now);
      return { fileName: `oee-by-product_${oee.from}_${oee.to}.csv`, csv: toCsv(oee.products, PRODUCT_OEE_COLUMNS) };
    }
    case "timeline": {
      const timeline = await getWorkCenterTimeline(tx, input, now);
      return {
        fileName: `timeline-${safeFilePart(timeline.workCenter.code)}_${stampOf(timeline.from.getTime())}.csv`,
        csv: toCsv(timeline.intervals, TIMELINE_COLUMNS),
      };
    }
  }
}

/** "2026-03-08T1430Z": sortable, and legal in file names everywhere. */
function stampOf(time: number): string {
  return `${new Date(time).toISOString().slice(0, 16).replace(":", "")}Z`;
}

function safeFilePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, "-");
}
