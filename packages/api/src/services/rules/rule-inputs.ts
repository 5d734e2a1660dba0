import { z } from "zod";
import { ZRuleDefinitionField } from "./definition-field";

export const RULE_NAME_MAX_LENGTH = 120;
export const RULE_DESCRIPTION_MAX_LENGTH = 1000;

const ZRuleName = z
  .string()
  .trim()
  .min(1, "Give the rule a name people recognise, e.g. “Long stops on the press line”.")
  .max(RULE_NAME_MAX_LENGTH, `Keep the name to ${RULE_NAME_MAX_LENGTH} characters or fewer.`);

const ZRuleDescription = z
  .string()
  .trim()
  .max(RULE_DESCRIPTION_MAX_LENGTH, `Keep the description to ${RULE_DESCRIPTION_MAX_LENGTH} characters or fewer.`)
  .transform((text) => (text === "" ? null : text))
  .nullable()
  .default(null);

export const ZCreateRuleInput = z.object({
  name: ZRuleName,
  description: ZRuleDescription,
  enabled: z.boolean().default(true),
  definition: ZRuleDefinitionField,
});
export type TCreateRuleInput = z.infer<typeof ZCreateRuleInput>;

export const ZUpdateRuleInput = z.object({
  ruleId: z.uuid(),
  /** The version the editor loaded: saving over someone else's newer edit is refused. */
  expectedVersion: z.int().min(1),
  name: ZRuleName,
  description: ZRuleDescription,
  definition: ZRuleDefinitionField,
});
export type TUpdateRuleInput = z.infer<typeof ZUpdateRuleInput>;

export const ZRuleRefInput = z.object({ ruleId: z.uuid() });
export const ZSetRuleEnabledInput = z.object({ ruleId: z.uuid(), enabled: z.boolean() });

export const ZDryRunInput = z.object({
  definition: ZRuleDefinitionField,
  /** The saved rule being edited, if any: its name fills {rule} and its real runs are compared. */
  ruleId: z.uuid().optional(),
  /** The name typed in the editor, for {rule} before the rule is saved. */
  name: z.string().trim().max(RULE_NAME_MAX_LENGTH).optional(),
});
export type TDryRunInput = z.infer<typeof ZDryRunInput>;

/**
 * Newest first; `cursor` is the position after the last row of the previous page
 * ("<ms>.<id>", or a bare "<ms>" for "before this instant"). Checked in the service so a stale or
 * foreign cursor is an empty page, not an error.
 */
const ZCursor = z.string().max(100).optional();

export const ZRunsInput = z.object({
  ruleId: z.uuid().optional(),
  status: z.enum(["RUNNING", "SUCCEEDED", "FAILED"]).optional(),
  cursor: ZCursor,
  limit: z.int().min(1).max(100).default(30),
});
export type TRunsInput = z.infer<typeof ZRunsInput>;

export const ZNotificationsInput = z.object({
  status: z.enum(["PENDING", "SENT", "FAILED"]).optional(),
  cursor: ZCursor,
  limit: z.int().min(1).max(100).default(30),
});
export type TNotificationsInput = z.infer<typeof ZNotificationsInput>;

export const ZRetryNotificationInput = z.object({ notificationId: z.uuid() });
export const ZRetrySignalInput = z.object({
  signalId: z.string().regex(/^\d{1,18}$/, "a trigger id is a number; reload the list"),
});
