import { RIVERSIDE_PLANT } from "@gemba/db/seed/demo-plant";
import { early, late } from "@gemba/db/seed/machine-profiles";
import type { AreaDefinition, LineDefinition, PlantDefinition } from "@gemba/db/seed/plant-definition";
import type { TShiftDefinition } from "@gemba/domain/calendar/expand-shifts";

export const BENCH_TENANT = { slug: "bench-dashboard", name: "Bench Dashboard Plant" } as const;
export const BENCH_MANAGER = { email: "manager@bench-dashboard.gemba.test", name: "Bench Manager" } as const;

const WORK_CENTERS_PER_LINE = 10;

const night: TShiftDefinition = {
  name: "Night",
  // Sunday to Thursday nights: with Early and Late the plant runs from Sunday 22:00 to Friday 22:00.
  weekdays: [7, 1, 2, 3, 4],
  startMinute: 22 * 60,
  durationMinutes: 480,
  breaks: [
    { name: "Break", startOffsetMinutes: 150, durationMinutes: 15 },
    { name: "Meal", startOffsetMinutes: 300, durationMinutes: 30 },
  ],
};

/**
 * The demo plant scaled out: lines of ten work centers whose machine profiles, products, shift
 * breaks and holiday are the Riverside demo's, in a three-shift pattern. Codes stay unique per
 * line and position, so each machine gets its own deterministic random stream.
 */
export function buildBenchPlant(workCenterCount: number): PlantDefinition {
  const templates = RIVERSIDE_PLANT.areas.flatMap((area) => area.lines.flatMap((line) => line.workCenters));
  const lineCount = Math.ceil(workCenterCount / WORK_CENTERS_PER_LINE);
  const lines: LineDefinition[] = Array.from({ length: lineCount }, (_, lineIndex) => {
    const size = Math.min(WORK_CENTERS_PER_LINE, workCenterCount - lineIndex * WORK_CENTERS_PER_LINE);
    return {
      code: `L${lineIndex + 1}`,
      name: `Line ${lineIndex + 1}`,
      workCenters: Array.from({ length: size }, (_, position) => {
        const template = templates[(lineIndex * WORK_CENTERS_PER_LINE + position) % templates.length];
        if (!template) throw new Error("The demo plant has no work centers to copy");
        const prefix = template.code.split("-")[0] ?? "WC";
        return { ...template, code: `${prefix}-${lineIndex + 1}${String(position + 1).padStart(2, "0")}` };
      }),
    };
  });
  // Fabrication gets the first half of the lines, assembly the rest, as in the demo.
  const split = Math.ceil(lines.length / 2);
  const areas: AreaDefinition[] = [
    { code: "FAB", name: "Fabrication", lines: lines.slice(0, split) },
    { code: "ASM", name: "Assembly", lines: lines.slice(split) },
  ].filter((area) => area.lines.length > 0);
  return {
    ...RIVERSIDE_PLANT,
    tenant: { ...BENCH_TENANT },
    site: { code: "BEN", name: "Bench Plant", timeZone: "America/Chicago" },
    shiftPattern: { name: "Three shifts, Sun night–Fri", shifts: [early, late, night] },
    members: [{ email: BENCH_MANAGER.email, role: "MANAGER" }],
    areas,
  };
}
