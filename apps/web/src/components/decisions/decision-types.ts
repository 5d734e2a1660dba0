import type { AppRouter } from "@gemba/api/root";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

type TOutputs = inferRouterOutputs<AppRouter>["decisions"];
type TInputs = inferRouterInputs<AppRouter>["decisions"];

export type TLogDecisionInput = TInputs["log"];
export type TDecisionListInput = NonNullable<TInputs["list"]>;
export type TDecisionListRow = TOutputs["list"]["decisions"][number];
export type TDecisionDetail = TOutputs["get"];
export type TContextSnapshot = NonNullable<TDecisionDetail["contextSnapshot"]>;
export type TDecisionLink = TDecisionDetail["links"][number];
export type TWhyInput = TInputs["why"];
export type TWhyTimeline = TOutputs["why"];
export type TWhyItem = TWhyTimeline["items"][number];

/**
 * Where a decision is logged from. Pass what the table row already shows as `label`
 * ("PRS-201 stop since 14:02"), so the dialog can say what the decision is about.
 */
export type TSituationProp =
  | { kind: "DOWNTIME"; workCenterId: string; stopStart: Date | string; label?: string }
  | { kind: "ORDER"; orderId: string; label?: string }
  | { kind: "INSIGHT"; insightId: string; label?: string };
