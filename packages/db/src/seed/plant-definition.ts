import type { TShiftDefinition } from "@gemba/domain/calendar/expand-shifts";
import type { LocalDate } from "@gemba/domain/calendar/zoned-time";
import type { TWorkCenterProfile } from "@gemba/domain/simulation/work-center-profile";
import type { NoShiftKind, Role } from "../generated/prisma/enums";

/** A demo plant as data: what the seed creates, and how the simulator makes its machines behave. */
export type PlantDefinition = {
  tenant: { slug: string; name: string };
  site: { code: string; name: string; timeZone: string };
  areas: AreaDefinition[];
  products: ProductDefinition[];
  shiftPattern: { name: string; shifts: TShiftDefinition[] };
  noShiftPeriods: NoShiftDefinition[];
  /** First ERP order number; orders are numbered in the sequence they were planned. */
  firstOrderNumber: number;
  /** Days of simulated history when the caller does not say. */
  defaultHistoryDays: number;
  members: Array<{ email: string; role: Role }>;
};

export type AreaDefinition = { code: string; name: string; lines: LineDefinition[] };

export type LineDefinition = { code: string; name: string; workCenters: WorkCenterDefinition[] };

export type WorkCenterDefinition = {
  code: string;
  name: string;
  profile: TWorkCenterProfile;
  /** Products this work center makes; its orders rotate through them. */
  productSkus: string[];
  /** The role it plays in the story the demo tells (shown nowhere; explains the profile). */
  note?: string;
};

export type ProductDefinition = { sku: string; name: string; idealCycleTimeSeconds: number };

export type NoShiftDefinition = {
  kind: NoShiftKind;
  reason: string;
  /** The first local day off, relative to the seed's today so the period lands inside the demo window. */
  firstDay: (today: LocalDate) => LocalDate;
  days: number;
};

export type DemoUser = { email: string; name: string };
