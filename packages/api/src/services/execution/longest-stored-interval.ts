/**
 * No stored interval is longer than a day: the refresh cuts them at UTC midnights (see
 * splitAtUtcDays in @gemba/db/execution/refresh-work-center). A lower bound on `start` lets range
 * queries use the (work center, start) key instead of reading every interval ever stored.
 */
export const LONGEST_STORED_INTERVAL_MS = 86_400_000;
