/**
 * Published (payload: the connector id) whenever an admin creates, edits, pauses or resumes a
 * connector, so the worker reconciles at once instead of at its next periodic check.
 */
export const CONNECTORS_CHANGED_CHANNEL = "gemba:connectors:changed";
