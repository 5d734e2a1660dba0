import type { TRouterOutputs } from "~/lib/api-types";

export type TRuleListItem = TRouterOutputs["rules"]["list"][number];
export type TRuleDetail = TRouterOutputs["rules"]["get"];
export type TRuleOptions = TRouterOutputs["rules"]["options"];
export type TDryRunResult = TRouterOutputs["rules"]["dryRun"];
export type TRuleRun = TRouterOutputs["rules"]["runs"]["items"][number];
export type TNotification = TRouterOutputs["rules"]["notifications"]["items"][number];
export type TWebhookEndpoint = TRouterOutputs["webhookEndpoints"]["list"][number];
