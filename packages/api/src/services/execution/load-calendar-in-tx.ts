// Moved to packages/db so the worker (shift handover drafting) reads calendars the same way; the
// API keeps importing it from here.
export { loadCalendarInTx } from "@gemba/db/execution/load-calendar-in-tx";
