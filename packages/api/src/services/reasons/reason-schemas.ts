import { ZLossCategory } from "@gemba/domain/reasons/default-reasons";
import {
  CATEGORY_NAME_MAX_LENGTH,
  normalizeReasonCode,
  REASON_APPLIES_TO,
  REASON_CODE_MAX_LENGTH,
  REASON_LABEL_MAX_LENGTH,
  reasonRuleIssues,
  type TReasonIssue,
} from "@gemba/domain/reasons/reason-rules";
import { z } from "zod";

const ZCategoryName = z
  .string()
  .trim()
  .min(1, "Give the category a name.")
  .max(CATEGORY_NAME_MAX_LENGTH, `Keep the name to ${CATEGORY_NAME_MAX_LENGTH} characters or fewer.`);

/** What the admin typed ("tool wear") becomes the code ("TOOL_WEAR"); the rules then check it. */
const ZCode = z
  .string()
  .max(REASON_CODE_MAX_LENGTH * 2, `Keep the code to ${REASON_CODE_MAX_LENGTH} characters or fewer.`)
  .transform(normalizeReasonCode);

const ZReasonSettings = z.object({
  code: ZCode,
  categoryId: z.uuid(),
  label: z
    .string()
    .trim()
    .min(1, "Give the reason a label operators recognise.")
    .max(REASON_LABEL_MAX_LENGTH, `Keep the label to ${REASON_LABEL_MAX_LENGTH} characters or fewer.`),
  appliesTo: z.enum(REASON_APPLIES_TO, "Choose what the reason explains."),
  lossCategory: ZLossCategory.nullable(),
  excludedFromPlannedTime: z.boolean(),
});

/** Consistency with how OEE counts the reason (packages/domain/src/reasons/reason-rules.ts), per field. */
function addRuleIssues(keep: (issue: TReasonIssue) => boolean) {
  return (reason: z.infer<typeof ZReasonSettings>, ctx: z.core.$RefinementCtx) => {
    for (const issue of reasonRuleIssues(reason).filter(keep)) {
      ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
    }
  };
}

export const ZCreateReasonInput = ZReasonSettings.superRefine(addRuleIssues(() => true));
// The code names an existing reason here: only its settings are checked.
export const ZUpdateReasonInput = ZReasonSettings.superRefine(addRuleIssues((issue) => issue.field !== "code"));
export type TCreateReasonInput = z.infer<typeof ZCreateReasonInput>;
export type TUpdateReasonInput = z.infer<typeof ZUpdateReasonInput>;

export const ZSetReasonActiveInput = z.object({ code: ZCode, active: z.boolean() });

export const ZReorderReasonsInput = z.object({
  categoryId: z.uuid(),
  codes: z.array(ZCode).max(500),
});

export const ZCreateCategoryInput = z.object({ name: ZCategoryName });
export const ZRenameCategoryInput = z.object({ categoryId: z.uuid(), name: ZCategoryName });
export const ZDeleteCategoryInput = z.object({ categoryId: z.uuid() });
export const ZReorderCategoriesInput = z.object({ categoryIds: z.array(z.uuid()).min(1).max(200) });
