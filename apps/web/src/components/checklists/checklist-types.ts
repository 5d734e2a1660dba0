import type { AppRouter } from "@gemba/api/root";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

type TOutputs = inferRouterOutputs<AppRouter>["checklists"];
type TInputs = inferRouterInputs<AppRouter>["checklists"];

export type TTemplateRow = TOutputs["templates"]["list"][number];
export type TTemplateDetail = TOutputs["templates"]["get"];
export type TTemplateVersionRow = TTemplateDetail["versions"][number];
export type TAvailableChecklists = TOutputs["templates"]["available"];
export type TChecklistRun = TOutputs["runs"]["get"];
export type TRunAnswer = TChecklistRun["answers"][number];
export type TRunListRow = TOutputs["runs"]["list"]["runs"][number];
export type TRecordAnswerInput = TInputs["runs"]["recordAnswer"];
export type TPublishVersionInput = TInputs["templates"]["publishVersion"];
