import type { TChecklistStepInput } from "@gemba/domain/checklists/checklist-steps";
import { evaluateAnswer, type TAnswerValue } from "@gemba/domain/checklists/evaluate-answer";
import { ZChecklistContent } from "@gemba/domain/checklists/template-rules";
import type { Tx } from "../tenant-scope";

/**
 * The demo plant's checklists: a press start-up check for the stamping line (two versions, so the
 * history shows one) and a plant-wide changeover checklist, with a week of runs at the presses —
 * one of them with a die running too hot, as a plant would see it. History only: no audit
 * entries and no automation signals are written for these runs (the rules must not fire on a seed).
 */

const PRESS_LINE_CODE = "STP1";
const DAY_MS = 86_400_000;

const pressStepsV1: TChecklistStepInput[] = [
  {
    id: "die-temp",
    title: "Die temperature",
    instructions: "Read the contact pyrometer on the upper die after 10 minutes of pre-heating.",
    input: { kind: "NUMBER", min: 180, max: 220, unit: "°C", decimals: 0 },
  },
  { id: "lube", title: "Lubrication level above the MIN mark", input: { kind: "CHECK" } },
  {
    id: "guard",
    title: "Light curtain and two-hand control tested",
    instructions: "Break the light curtain with the test rod: the ram must stop. Release one hand: no stroke.",
    input: { kind: "CHECK" },
  },
  {
    id: "first-part",
    title: "First part matches the master sample",
    instructions: "Compare hole positions and burr against the master sample at the press.",
    input: { kind: "PASS_FAIL" },
  },
  { id: "remarks", title: "Remarks for the shift", input: { kind: "TEXT", required: false } },
];

/** Version 2 adds the hydraulic pressure and a photo of the first part. */
const pressStepsV2: TChecklistStepInput[] = [
  pressStepsV1[0] as TChecklistStepInput,
  {
    id: "hydraulic-pressure",
    title: "Hydraulic pressure at idle",
    instructions: "Read the main gauge on the hydraulic unit with the ram at top dead center.",
    input: { kind: "NUMBER", min: 180, max: 210, unit: "bar", decimals: 0 },
  },
  ...pressStepsV1.slice(1, 4),
  { id: "first-part-photo", title: "Photo of the first part", input: { kind: "PHOTO", required: false } },
  pressStepsV1[4] as TChecklistStepInput,
];

const changeoverSteps: TChecklistStepInput[] = [
  { id: "previous-cleared", title: "Parts, scrap and labels of the previous order removed", input: { kind: "CHECK" } },
  {
    id: "tool",
    title: "Tool matches the order",
    instructions: "Check the engraved tool number against the tool on the order papers.",
    input: { kind: "CHECK" },
  },
  { id: "program", title: "Machine program matches the order", input: { kind: "CHECK" } },
  {
    id: "clamp-torque",
    title: "Clamping bolt torque",
    instructions: "Torque wrench set to 85 Nm; check all four bolts.",
    input: { kind: "NUMBER", min: 80, max: 90, unit: "Nm", decimals: 0 },
  },
  { id: "first-off", title: "First-off inspection", input: { kind: "PASS_FAIL" } },
  { id: "notes", title: "Notes for the next changeover", input: { kind: "TEXT", required: false } },
];

type TSeedRun = {
  daysAgo: number;
  workCenterCode: string;
  answers: Record<string, TAnswerValue>;
  status: "COMPLETED" | "IN_PROGRESS";
};

/** A run each working day of the past week on the first two presses, the v1 era before, and one in progress today. */
function pressRuns(now: Date): TSeedRun[] {
  const workingDays = [6, 5, 4, 3, 2, 1].filter((days) => !isWeekend(new Date(now.getTime() - days * DAY_MS)));
  // PRS-202 ran hot on the working day before the last (a heater band was failing), and its first part failed.
  const hotDay = workingDays.at(-2) ?? workingDays.at(-1);
  return [
    { daysAgo: 10, workCenterCode: "PRS-201", status: "COMPLETED", answers: pressAnswers(204, null, true) },
    ...workingDays.flatMap((daysAgo): TSeedRun[] => [
      { daysAgo, workCenterCode: "PRS-201", status: "COMPLETED", answers: pressAnswers(196 + daysAgo, 195, true) },
      {
        daysAgo,
        workCenterCode: "PRS-202",
        status: "COMPLETED",
        answers: daysAgo === hotDay ? pressAnswers(226, 204, false) : pressAnswers(188 + daysAgo, 201, true),
      },
    ]),
    { daysAgo: 0, workCenterCode: "PRS-203", status: "IN_PROGRESS", answers: { "die-temp": { number: 199 } } },
  ];
}

function pressAnswers(
  temperature: number,
  pressure: number | null,
  firstPartOk: boolean,
): Record<string, TAnswerValue> {
  return {
    "die-temp": { number: temperature },
    ...(pressure === null ? {} : { "hydraulic-pressure": { number: pressure } }),
    lube: { checked: true },
    guard: { checked: true },
    "first-part": { pass: firstPartOk },
    ...(firstPartOk
      ? {}
      : { remarks: { text: "Burr on the left flange; die temperature too high. Maintenance called." } }),
  };
}

export async function seedDemoChecklists(
  tx: Tx,
  input: { tenantId: string; now: Date; managerId: string | null; operatorId: string | null },
): Promise<{ templates: number; runs: number }> {
  const { now } = input;
  const line = await tx.line.findFirst({ where: { code: PRESS_LINE_CODE }, select: { id: true } });
  if (!line) return { templates: 0, runs: 0 };
  const daysAgo = (days: number, minute = 20) => {
    const day = new Date(now.getTime() - days * DAY_MS);
    // 12:20 UTC: the first half hour of the early shift in Chicago.
    return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12, minute));
  };

  const press = await createTemplate(tx, input, {
    name: "Press start-up check",
    description: "Before the first stroke of every shift, on each press of the stamping line.",
    lineId: line.id,
    versions: [
      { steps: pressStepsV1, at: daysAgo(21) },
      { steps: pressStepsV2, at: daysAgo(8) },
    ],
  });
  await createTemplate(tx, input, {
    name: "Changeover checklist",
    description: "After every tool or product change, before the first-off part is released.",
    lineId: null,
    versions: [{ steps: changeoverSteps, at: daysAgo(21) }],
  });

  const workCenters = await tx.workCenter.findMany({ where: { lineId: line.id }, select: { id: true, code: true } });
  const workCenterOf = new Map(workCenters.map((workCenter) => [workCenter.code, workCenter.id]));
  let runs = 0;
  for (const run of pressRuns(now)) {
    const workCenterId = workCenterOf.get(run.workCenterCode);
    const startedAt = daysAgo(run.daysAgo, run.workCenterCode === "PRS-201" ? 10 : 25);
    // Today's run only once the shift has started.
    if (!workCenterId || startedAt.getTime() > now.getTime() || isWeekend(startedAt)) continue;
    const version = startedAt.getTime() >= daysAgo(8).getTime() ? press.versions[1] : press.versions[0];
    if (!version) continue;
    await createRun(tx, input, { templateId: press.id, version, workCenterId, startedAt, run });
    runs += 1;
  }
  return { templates: 2, runs };
}

type TVersion = { version: number; steps: ReturnType<typeof ZChecklistContent.parse>["steps"] };

async function createTemplate(
  tx: Tx,
  input: { tenantId: string; managerId: string | null },
  template: {
    name: string;
    description: string;
    lineId: string | null;
    versions: { steps: TChecklistStepInput[]; at: Date }[];
  },
): Promise<{ id: string; versions: TVersion[] }> {
  const row = await tx.checklistTemplate.create({
    data: {
      tenantId: input.tenantId,
      name: template.name,
      description: template.description,
      lineId: template.lineId,
      currentVersion: template.versions.length,
      createdAt: template.versions[0]?.at ?? new Date(),
    },
    select: { id: true },
  });
  const versions: TVersion[] = [];
  for (const [index, published] of template.versions.entries()) {
    // Through the same schema as the editor: seed data that breaks a rule fails here, not on screen.
    const content = ZChecklistContent.parse({ requireSignOff: true, steps: published.steps });
    await tx.checklistTemplateVersion.create({
      data: {
        tenantId: input.tenantId,
        templateId: row.id,
        version: index + 1,
        steps: content.steps,
        requireSignOff: content.requireSignOff,
        createdById: input.managerId,
        createdAt: published.at,
      },
      select: { version: true },
    });
    versions.push({ version: index + 1, steps: content.steps });
  }
  return { id: row.id, versions };
}

async function createRun(
  tx: Tx,
  input: { tenantId: string; operatorId: string | null },
  run: { templateId: string; version: TVersion; workCenterId: string; startedAt: Date; run: TSeedRun },
): Promise<void> {
  const results = run.version.steps.flatMap((step, index) => {
    const value = run.run.answers[step.id];
    if (!value) return [];
    const evaluation = evaluateAnswer(step, value);
    if (!evaluation.valid) throw new Error(`Seed answer to ${step.id} is invalid: ${evaluation.error}`);
    return [
      {
        stepId: step.id,
        value: evaluation.value,
        outOfLimit: evaluation.outOfLimit,
        failed: evaluation.failed,
        recordedAt: new Date(run.startedAt.getTime() + (index + 1) * 60_000),
      },
    ];
  });
  const finishedAt = new Date(run.startedAt.getTime() + (results.length + 2) * 60_000);
  const completed = run.run.status === "COMPLETED";
  const created = await tx.checklistRun.create({
    data: {
      tenantId: input.tenantId,
      templateId: run.templateId,
      version: run.version.version,
      workCenterId: run.workCenterId,
      status: run.run.status,
      source: "manual",
      startedById: input.operatorId,
      startedAt: run.startedAt,
      completedAt: completed ? finishedAt : null,
      signedOffById: completed ? input.operatorId : null,
      signedOffAt: completed ? finishedAt : null,
      failedSteps: results.filter((result) => result.outOfLimit || result.failed).length,
    },
    select: { id: true },
  });
  await tx.checklistStepResult.createMany({
    data: results.map((result) => ({
      tenantId: input.tenantId,
      runId: created.id,
      recordedById: input.operatorId,
      ...result,
    })),
  });
}

function isWeekend(at: Date): boolean {
  const day = at.getUTCDay();
  return day === 0 || day === 6;
}
