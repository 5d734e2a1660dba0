/** How often the scheduled scan looks for due detectors (each detector has its own `everyMs`). */
export const INSIGHT_SCAN_EVERY_MS = 5 * 60 * 1000;

/**
 * A re-derived timeline asks for an event-driven pass at most once a minute per work center, a
 * little later, so a burst of refreshes (live data every few seconds) becomes one pass.
 */
export const CHANGED_PASS_SLOT_MS = 60 * 1000;
export const CHANGED_PASS_DELAY_MS = 20 * 1000;
