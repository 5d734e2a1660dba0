// Moved to packages/db so the worker (shift handover drafting) counts orders the same way; the
// API keeps importing it from here.
export {
  RECENT_RATE_WINDOW_MS,
  recentGoodRatePerHour,
  sumOrderBuckets,
  sumOrderProduction,
  type TOrderProduction,
  type TOrderSpan,
} from "@gemba/db/execution/order-production";
