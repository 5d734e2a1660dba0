import { addDays, isoWeekdayOf, type LocalDate } from "@gemba/domain/calendar/zoned-time";
import { DEMO_USERS } from "./demo-users";
import {
  channel,
  cncFailures,
  cncTelemetry,
  early,
  late,
  pressBase,
  pressTelemetry,
  profile,
} from "./machine-profiles";
import { NORTHFIELD_PLANT } from "./northfield-plant";
import type { PlantDefinition } from "./plant-definition";

export { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

/** The last Monday 8–14 days before today: inside even a short demo history, never in the future. */
function recentMonday(today: LocalDate): LocalDate {
  const eightDaysAgo = addDays(today, -8);
  return addDays(eightDaysAgo, -((isoWeekdayOf(eightDaysAgo) + 6) % 7));
}

export const RIVERSIDE_PLANT: PlantDefinition = {
  tenant: { slug: "demo", name: "Riverside Components" },
  site: { code: "RIV", name: "Riverside Plant", timeZone: "America/Chicago" },
  firstOrderNumber: 1_000_100,
  defaultHistoryDays: 30,
  shiftPattern: { name: "Two shifts, Mon–Fri", shifts: [early, late] },
  noShiftPeriods: [{ kind: "HOLIDAY", reason: "Public holiday — plant closed", firstDay: recentMonday, days: 1 }],
  members: [
    { email: DEMO_USERS.admin.email, role: "ADMIN" },
    { email: DEMO_USERS.manager.email, role: "MANAGER" },
    { email: DEMO_USERS.operator.email, role: "OPERATOR" },
  ],
  products: [
    { sku: "RC-SH-1040", name: "Drive shaft Ø40", idealCycleTimeSeconds: 75 },
    { sku: "RC-FL-0630", name: "Flange Ø63", idealCycleTimeSeconds: 48 },
    { sku: "RC-VB-2210", name: "Hydraulic valve body", idealCycleTimeSeconds: 140 },
    { sku: "RC-BR-3120", name: "Mounting bracket", idealCycleTimeSeconds: 4 },
    { sku: "RC-CV-3305", name: "Cover plate", idealCycleTimeSeconds: 6 },
    { sku: "RC-HG-3410", name: "Hinge leaf", idealCycleTimeSeconds: 3 },
    { sku: "RC-AS-5100", name: "Pump housing assembly", idealCycleTimeSeconds: 90 },
    { sku: "RC-AS-5200", name: "Actuator assembly", idealCycleTimeSeconds: 120 },
  ],
  areas: [
    {
      code: "FAB",
      name: "Fabrication",
      lines: [
        {
          code: "CNC1",
          name: "CNC Line 1",
          workCenters: [
            {
              code: "CNC-101",
              name: "Okuma LB3000",
              productSkus: ["RC-SH-1040", "RC-FL-0630"],
              profile: profile({ failureReasons: cncFailures, telemetry: cncTelemetry(58, 24) }),
            },
            {
              code: "CNC-102",
              name: "Okuma LB3000",
              productSkus: ["RC-SH-1040", "RC-FL-0630"],
              profile: profile({
                failureReasons: cncFailures,
                speedFactor: 0.9,
                telemetry: cncTelemetry(61, 25),
              }),
            },
            {
              code: "CNC-103",
              name: "DMG Mori NHX 5000",
              note: "Bottleneck: always busy, rarely starved or blocked.",
              productSkus: ["RC-VB-2210", "RC-FL-0630"],
              profile: profile({
                failureReasons: cncFailures,
                meanTimeBetweenFailuresMinutes: 480,
                flowStopsPerHour: 0.1,
                microStopsPerHour: 1.5,
                speedFactor: 0.96,
                changeoverMinutes: 45,
                telemetry: cncTelemetry(72, 23.5),
              }),
            },
            {
              code: "DBR-104",
              name: "Deburr & Wash Station",
              productSkus: ["RC-SH-1040", "RC-FL-0630", "RC-VB-2210"],
              profile: profile({
                flowStopsPerHour: 1.8,
                changeoverMinutes: 15,
                scrapRate: 0.005,
                telemetry: [
                  channel("wash_temperature", "°C", 60, 1.2, 0.05),
                  channel("wash_pressure", "bar", 4.5, 0.15),
                ],
              }),
            },
          ],
        },
        {
          code: "STP1",
          name: "Stamping Line",
          workCenters: [
            {
              code: "PRS-201",
              name: "Press 400t",
              productSkus: ["RC-BR-3120", "RC-CV-3305"],
              profile: profile({ ...pressBase }),
            },
            {
              code: "PRS-202",
              name: "Press 250t",
              note: "Frequent failures: a tired hydraulic unit.",
              productSkus: ["RC-BR-3120", "RC-HG-3410"],
              profile: profile({
                ...pressBase,
                meanTimeBetweenFailuresMinutes: 70,
                meanTimeToRepairMinutes: 22,
                failureReasons: [
                  { code: "FAIL_HYD", weight: 6 },
                  { code: "JAM", weight: 3 },
                  { code: "FAIL_MECH", weight: 1 },
                ],
                microStopsPerHour: 4,
                flowStopsPerHour: 0.8,
                telemetry: pressTelemetry(168, 7, 52),
              }),
            },
            {
              code: "PRS-203",
              name: "Transfer Press 800t",
              note: "Bottleneck of the stamping line.",
              productSkus: ["RC-CV-3305", "RC-HG-3410"],
              profile: profile({
                ...pressBase,
                meanTimeBetweenFailuresMinutes: 420,
                flowStopsPerHour: 0.1,
                microStopsPerHour: 4,
                speedFactor: 0.95,
                changeoverMinutes: 40,
                telemetry: pressTelemetry(205, 4, 44),
              }),
            },
            {
              code: "PRS-204",
              name: "Bruderer High-Speed Press 160t",
              productSkus: ["RC-BR-3120", "RC-HG-3410"],
              profile: profile({ ...pressBase, microStopsPerHour: 8, speedFactor: 0.88, flowStopsPerHour: 1.5 }),
            },
          ],
        },
      ],
    },
    {
      code: "ASM",
      name: "Assembly",
      lines: [
        {
          code: "ASM1",
          name: "Assembly Line",
          workCenters: [
            {
              code: "WLD-301",
              name: "Robot Weld Cell",
              productSkus: ["RC-AS-5100", "RC-AS-5200"],
              profile: profile({
                meanTimeBetweenFailuresMinutes: 240,
                meanTimeToRepairMinutes: 18,
                failureReasons: [
                  { code: "FAIL_ELEC", weight: 4 },
                  { code: "JAM", weight: 2 },
                  { code: "FAIL_MECH", weight: 1 },
                ],
                microStopsPerHour: 5,
                scrapRate: 0.022,
                changeoverMinutes: 20,
                telemetry: [channel("weld_current", "A", 212, 6, 0.08), channel("wire_feed_speed", "m/min", 9.5, 0.2)],
              }),
            },
            {
              code: "ASM-302",
              name: "Fastening Station",
              productSkus: ["RC-AS-5100", "RC-AS-5200"],
              profile: profile({
                meanTimeToRepairMinutes: 12,
                microStopsPerHour: 4,
                flowStopsPerHour: 1.6,
                scrapRate: 0.006,
                changeoverMinutes: 12,
                telemetry: [
                  channel("nutrunner_torque", "Nm", 24.5, 0.4, 0.04),
                  channel("air_pressure", "bar", 6.2, 0.1),
                ],
              }),
            },
            {
              code: "ASM-303",
              name: "Final Assembly Cell",
              note: "Bottleneck of the assembly line.",
              productSkus: ["RC-AS-5100", "RC-AS-5200"],
              profile: profile({
                meanTimeBetweenFailuresMinutes: 420,
                meanTimeToRepairMinutes: 15,
                flowStopsPerHour: 0.15,
                microStopsPerHour: 2,
                speedFactor: 0.94,
                scrapRate: 0.008,
                changeoverMinutes: 20,
                telemetry: [
                  channel("motor_temperature", "°C", 47, 1.5, 0.12),
                  channel("servo_current", "A", 3.2, 0.1, 0.1),
                ],
              }),
            },
            {
              code: "TST-304",
              name: "End-of-Line Test Bench",
              productSkus: ["RC-AS-5100", "RC-AS-5200"],
              profile: profile({
                failureReasons: [
                  { code: "FAIL_ELEC", weight: 3 },
                  { code: "FAIL_MECH", weight: 1 },
                ],
                flowStopsPerHour: 1.4,
                scrapRate: 0.012,
                startupRejectRate: 0.03,
                changeoverMinutes: 10,
                telemetry: [
                  channel("test_pressure", "bar", 12, 0.25, 0.02),
                  channel("leak_rate", "mbar/min", 1.6, 0.12, 0.1),
                ],
              }),
            },
          ],
        },
      ],
    },
  ],
};

export const DEMO_PLANTS: readonly PlantDefinition[] = [RIVERSIDE_PLANT, NORTHFIELD_PLANT];
