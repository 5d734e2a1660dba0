import { DEFAULT_STOP_LOSS } from "@gemba/domain/execution/reason-lookup";
import type { TLossCategory } from "@gemba/domain/reasons/default-reasons";
import {
  allowedLossCategories,
  isCalendarReason,
  normalizeReasonCode,
  REASON_CODE_MAX_LENGTH,
  reasonRuleIssues,
  type TReasonAppliesTo,
} from "@gemba/domain/reasons/reason-rules";
import type { TReason } from "./reason-types";

/** The reason form while the admin edits it; `codeEdited` stops the code following the label. */
export type TReasonDraft = {
  code: string;
  codeEdited: boolean;
  label: string;
  categoryId: string;
  appliesTo: TReasonAppliesTo;
  lossCategory: TLossCategory | null;
  excludedFromPlannedTime: boolean;
};

export type TDraftField = "code" | "label" | "categoryId" | "appliesTo" | "lossCategory" | "excludedFromPlannedTime";
export type TDraftErrors = Partial<Record<TDraftField, string[]>>;

export function newDraft(categoryId: string): TReasonDraft {
  return {
    code: "",
    codeEdited: false,
    label: "",
    categoryId,
    appliesTo: "DOWN",
    lossCategory: "EQUIPMENT_FAILURE",
    excludedFromPlannedTime: false,
  };
}

export function draftOf(reason: TReason, categoryId: string): TReasonDraft {
  return {
    code: reason.code,
    codeEdited: true,
    label: reason.label,
    categoryId,
    appliesTo: reason.appliesTo,
    lossCategory: reason.lossCategory,
    excludedFromPlannedTime: reason.excludedFromPlannedTime,
  };
}

/** "Coolant low (line 2)" → "COOLANT_LOW_LINE_2": a code the admin rarely needs to touch. */
export function suggestCode(label: string): string {
  return normalizeReasonCode(label.normalize("NFD").replace(/[\u0300-\u036f]/g, ""))
    .replace(/[^A-Z0-9_]/g, "")
    .replace(/_+/g, "_")
    .replace(/^[_0-9]+|_+$/g, "")
    .slice(0, REASON_CODE_MAX_LENGTH)
    .replace(/_+$/, "");
}

export function withLabel(draft: TReasonDraft, label: string): TReasonDraft {
  return { ...draft, label, code: draft.codeEdited ? draft.code : suggestCode(label) };
}

/** Switching between a stop and scrap keeps the form consistent: the loss follows what the reason explains. */
export function withAppliesTo(draft: TReasonDraft, appliesTo: TReasonAppliesTo): TReasonDraft {
  if (appliesTo === "SCRAP") {
    const lossCategory = allowedLossCategories("SCRAP").includes(draft.lossCategory as TLossCategory)
      ? draft.lossCategory
      : "PROCESS_DEFECTS";
    return { ...draft, appliesTo, excludedFromPlannedTime: false, lossCategory };
  }
  if (draft.excludedFromPlannedTime) return { ...draft, appliesTo, lossCategory: null };
  const keeps = draft.appliesTo !== "SCRAP" && draft.lossCategory !== null;
  return { ...draft, appliesTo, lossCategory: keeps ? draft.lossCategory : DEFAULT_STOP_LOSS[appliesTo] };
}

/** Planned time off has no loss; leaving it picks the loss the machine state implies. */
export function withExcluded(draft: TReasonDraft, excluded: boolean): TReasonDraft {
  if (draft.appliesTo === "SCRAP") return draft;
  return {
    ...draft,
    excludedFromPlannedTime: excluded,
    lossCategory: excluded ? null : (draft.lossCategory ?? DEFAULT_STOP_LOSS[draft.appliesTo]),
  };
}

/** The same checks the API makes, so most mistakes are explained before saving. */
export function draftErrors(draft: TReasonDraft, mode: "create" | "edit"): TDraftErrors {
  const errors: TDraftErrors = {};
  const add = (field: TDraftField, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  if (draft.label.trim() === "") add("label", "Give the reason a label operators recognise.");
  if (draft.categoryId === "") add("categoryId", "Choose a category.");
  const issues = reasonRuleIssues({ ...draft, code: normalizeReasonCode(draft.code) });
  for (const issue of issues) {
    if (issue.field === "code" && mode === "edit") continue;
    add(issue.field, issue.message);
  }
  return errors;
}

export function isLockedByCalendar(draft: TReasonDraft, mode: "create" | "edit"): boolean {
  return mode === "edit" && isCalendarReason(draft.code);
}

/** Whether saving changes how past stops or scrap count (then they are recalculated). */
export function changesCounting(draft: TReasonDraft, reason: TReason | null): boolean {
  if (!reason) return false;
  return (
    reason.appliesTo !== draft.appliesTo ||
    reason.lossCategory !== draft.lossCategory ||
    reason.excludedFromPlannedTime !== draft.excludedFromPlannedTime
  );
}
