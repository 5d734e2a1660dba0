// Moved to packages/db so the worker (shift handover drafting) flags at-risk orders the same way;
// the API keeps importing it from here.
export {
  listOrdersWithProjection,
  type TOrderRow,
  type TOrdersInput,
  ZOrdersInput,
} from "@gemba/db/execution/list-orders-with-projection";
