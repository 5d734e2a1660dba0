import type { TShiftDefinition } from "@gemba/domain/calendar/expand-shifts";
import { addDays } from "@gemba/domain/calendar/zoned-time";
import { DEMO_USERS } from "./demo-users";
import { channel, early, late, profile } from "./machine-profiles";
import type { PlantDefinition } from "./plant-definition";

const night: TShiftDefinition = {
  name: "Night",
  // Sunday to Thursday nights, so the week's last shift ends Saturday morning.
  weekdays: [7, 1, 2, 3, 4],
  startMinute: 22 * 60,
  durationMinutes: 480,
  breaks: [{ name: "Break", startOffsetMinutes: 240, durationMinutes: 30 }],
};

/** A small second tenant, so the tenant switcher has somewhere to go. */
export const NORTHFIELD_PLANT: PlantDefinition = {
  tenant: { slug: "northfield", name: "Northfield Assembly" },
  site: { code: "NFD", name: "Northfield Werk Kassel", timeZone: "Europe/Berlin" },
  firstOrderNumber: 2_000_100,
  defaultHistoryDays: 3,
  shiftPattern: { name: "Three shifts, Sun night–Fri", shifts: [early, late, night] },
  noShiftPeriods: [
    {
      kind: "PLANNED_MAINTENANCE",
      reason: "Annual maintenance of the screwdriving cell",
      firstDay: (today) => addDays(today, 9),
      days: 1,
    },
  ],
  members: [{ email: DEMO_USERS.admin.email, role: "ADMIN" }],
  products: [
    { sku: "NF-GB-100", name: "Gearbox housing assembly", idealCycleTimeSeconds: 95 },
    { sku: "NF-MM-220", name: "Motor mount kit", idealCycleTimeSeconds: 60 },
    { sku: "NF-SM-310", name: "Sensor module", idealCycleTimeSeconds: 45 },
  ],
  areas: [
    {
      code: "FA",
      name: "Final Assembly",
      lines: [
        {
          code: "FA1",
          name: "Final Assembly Line 1",
          workCenters: [
            {
              code: "ASM-01",
              name: "Manual Assembly Station",
              productSkus: ["NF-GB-100", "NF-MM-220"],
              profile: profile({
                microStopsPerHour: 3,
                changeoverMinutes: 15,
                telemetry: [channel("station_temperature", "°C", 23, 0.6)],
              }),
            },
            {
              code: "SCR-02",
              name: "Automatic Screwdriving Cell",
              note: "Bottleneck.",
              productSkus: ["NF-GB-100", "NF-MM-220", "NF-SM-310"],
              profile: profile({
                flowStopsPerHour: 0.1,
                speedFactor: 0.95,
                changeoverMinutes: 20,
                telemetry: [channel("screw_torque", "Nm", 8.2, 0.15, 0.05), channel("spindle_speed", "rpm", 850, 12)],
              }),
            },
            {
              code: "EOL-03",
              name: "End-of-Line Tester",
              productSkus: ["NF-GB-100", "NF-MM-220", "NF-SM-310"],
              profile: profile({
                failureReasons: [{ code: "FAIL_ELEC", weight: 1 }],
                scrapRate: 0.01,
                changeoverMinutes: 10,
                telemetry: [channel("leak_rate", "mbar/min", 1.8, 0.1, 0.1)],
              }),
            },
          ],
        },
      ],
    },
  ],
};
