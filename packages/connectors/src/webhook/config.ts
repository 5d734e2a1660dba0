import {
  OPERATOR_ACTIVITY_TYPES,
  REPORTED_MACHINE_STATES,
  ZReportedMachineState,
} from "@gemba/domain/events/canonical-events";
import { z } from "zod";

/**
 * Configuration of a webhook connector, rendered as a form by the admin UI (`z.toJSONSchema`).
 * Two formats: SafetyCulture-style inspection/action notifications, and a generic JSON mapping.
 * Value tables are arrays of `{value, …}` objects rather than records so the form can render them.
 */

const ZWorkCenterId = z
  .uuid()
  .meta({ title: "Work center", description: "The work center the events belong to.", widget: "workCenter" });

/** A dot path into a JSON record: `data.audit.audit_id`, `items.0.label`. */
const ZPath = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^.\s][^\s]*$/, "A path is field names separated by dots, e.g. data.machine.state (no spaces).");
const path = (title: string, description: string) => ZPath.meta({ title, description });

const ZMatchText = z.string().trim().min(1).max(200);

// ————— SafetyCulture —————

export const ZSafetyCultureConfig = z
  .object({
    format: z.literal("safetyculture"),
    workCenters: z
      .array(
        z.object({
          match: ZMatchText.meta({
            title: "Asset, site or template",
            description:
              "A SafetyCulture asset, site or template — its name or its id (e.g. template_…), compared without regard to case.",
          }),
          workCenterId: ZWorkCenterId,
        }),
      )
      .max(500)
      .default([])
      .meta({
        title: "Work centers",
        description:
          "Which work center an inspection or action belongs to. The asset is tried first, then the site, then the template; the first row that matches wins.",
      }),
    fallbackWorkCenterId: ZWorkCenterId.optional().meta({
      title: "Fallback work center",
      description:
        "Used when no row above matches. Leave empty to dead-letter such deliveries, so an unmapped site is noticed.",
      widget: "workCenter",
    }),
    passScorePercent: z.number().min(0).max(100).default(80).meta({
      title: "Pass score (%)",
      description:
        "A completed inspection scoring below this percentage is recorded as INSPECTION_FAILED. 0 turns the score rule off; unscored inspections are judged by failed items only.",
    }),
    failOnFailedItems: z.boolean().default(true).meta({
      title: "Any failed item fails the inspection",
      description: "A completed inspection with at least one failed response is recorded as INSPECTION_FAILED.",
    }),
    checklistTemplates: z
      .array(
        z.object({
          match: ZMatchText.meta({ title: "Template", description: "Template name or template id." }),
        }),
      )
      .max(200)
      .default([])
      .meta({
        title: "Checklist templates",
        description:
          "Completed inspections of these templates are recorded as CHECKLIST_DONE instead of INSPECTION_PASSED (a failing one is still INSPECTION_FAILED).",
      }),
  })
  .meta({ title: "SafetyCulture inspections and actions" });
export type TSafetyCultureConfig = z.infer<typeof ZSafetyCultureConfig>;

// ————— Generic JSON —————

/** The event kinds a generic webhook may produce (order lifecycle comes from the ERP connector). */
export const WEBHOOK_EVENT_KINDS = [
  "operator.activity",
  "machine.state",
  "production.count",
  "production.scrap",
  "telemetry",
] as const;
export const ZWebhookEventKind = z.enum(WEBHOOK_EVENT_KINDS);
export type TWebhookEventKind = z.infer<typeof ZWebhookEventKind>;

const ZKindMapping = z
  .discriminatedUnion("from", [
    z
      .object({
        from: z.literal("fixed"),
        kind: ZWebhookEventKind.meta({ title: "Event kind", description: "Every record becomes this kind of event." }),
      })
      .meta({ title: "The same kind for every record" }),
    z
      .object({
        from: z.literal("path"),
        path: path("Kind field", "Field holding the kind of each record."),
        values: z
          .array(
            z.object({
              value: ZMatchText.meta({ title: "Value sent" }),
              kind: ZWebhookEventKind.meta({ title: "Event kind" }),
            }),
          )
          .max(100)
          .default([])
          .meta({
            title: "Values",
            description: "Sender's value → event kind. Without a row, the value must be a kind name such as telemetry.",
          }),
      })
      .meta({ title: "Read the kind from a field" }),
  ])
  .meta({ title: "Event kind" });

const ZWorkCenterMapping = z
  .discriminatedUnion("from", [
    z.object({ from: z.literal("fixed"), workCenterId: ZWorkCenterId }).meta({ title: "One work center" }),
    z
      .object({
        from: z.literal("path"),
        path: path("Work center field", "Field naming the machine, station or cell, e.g. device.name."),
        values: z
          .array(z.object({ value: ZMatchText.meta({ title: "Value sent" }), workCenterId: ZWorkCenterId }))
          .min(1)
          .max(1000)
          .meta({ title: "Values", description: "Sender's value → work center; compared without regard to case." }),
      })
      .meta({ title: "Look the work center up from a field" }),
  ])
  .meta({ title: "Work center" });

const ZActivityFields = z
  .object({
    typePath: path("Activity field", "Field holding what happened, e.g. result."),
    types: z
      .array(
        z.object({
          value: ZMatchText.meta({ title: "Value sent" }),
          type: z.enum(OPERATOR_ACTIVITY_TYPES).meta({ title: "Activity" }),
        }),
      )
      .max(100)
      .default([])
      .meta({
        title: "Values",
        description: `Sender's value → activity. Without a row, the value must be one of ${OPERATOR_ACTIVITY_TYPES.join(", ")}.`,
      }),
    notePath: path("Note field", "Optional text kept with the activity (cut at 2,000 characters).").optional(),
  })
  .meta({ title: "Operator activity fields" });

const ZStateFields = z
  .object({
    statePath: path("State field", "Field holding the machine state, e.g. status."),
    states: z
      .array(
        z.object({
          value: ZMatchText.meta({ title: "Value sent" }),
          state: ZReportedMachineState.meta({ title: "State" }),
        }),
      )
      .max(100)
      .default([])
      .meta({
        title: "Values",
        description: `Sender's value → state. Without a row, the value must be one of ${REPORTED_MACHINE_STATES.join(", ")}.`,
      }),
    reasonCodePath: path("Reason code field", "Optional stop reason code.").optional(),
  })
  .meta({ title: "Machine state fields" });

const ZCountFields = z
  .object({
    totalPath: path("Total field", "Units produced since the previous message (not a running total)."),
    goodPath: path("Good field", "Good units among them; without it every unit counts as good.").optional(),
  })
  .meta({ title: "Production count fields" });

const ZScrapFields = z
  .object({
    quantityPath: path("Quantity field", "Scrapped units in this record."),
    reasonCodePath: path("Reason code field", "Field holding the scrap reason code.").optional(),
    reasonCode: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .meta({ title: "Fixed reason code", description: "Used when the record carries no reason code." }),
  })
  .meta({ title: "Scrap fields" });

const ZTelemetryFields = z
  .object({
    valuePath: path("Value field", "The measured number."),
    tagPath: path("Tag field", "Field naming the signal, e.g. sensor.name.").optional(),
    tag: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ title: "Fixed tag", description: "Signal name when the record carries none." }),
    unitPath: path("Unit field", "Optional field holding the unit.").optional(),
    unit: z.string().trim().max(32).optional().meta({ title: "Fixed unit", description: "e.g. °C, bar, mm/s." }),
  })
  .meta({ title: "Telemetry fields" });

/** The config section holding each kind's payload fields. */
export const PAYLOAD_SECTION = {
  "operator.activity": "activity",
  "machine.state": "state",
  "production.count": "count",
  "production.scrap": "scrap",
  telemetry: "telemetry",
} as const satisfies Record<TWebhookEventKind, string>;

export const ZGenericWebhookConfig = z
  .object({
    format: z.literal("generic"),
    eventsPath: path(
      "Records field",
      "Field holding an array of records, e.g. events. Leave empty when the whole body is one record.",
    ).optional(),
    kind: ZKindMapping,
    workCenter: ZWorkCenterMapping,
    eventTimePath: path(
      "Event time field",
      "When it happened: an ISO 8601 text or a unix time. Leave empty to use the delivery's signed timestamp.",
    ).optional(),
    epochUnit: z.enum(["seconds", "milliseconds"]).default("milliseconds").meta({
      title: "Unix time unit",
      description: "How numeric event times are read.",
    }),
    dedupeKeyPath: path(
      "Unique id field",
      "Field that identifies a record, so a re-sent record is stored once. Leave empty to use a hash of the whole record.",
    ).optional(),
    activity: ZActivityFields.optional(),
    state: ZStateFields.optional(),
    count: ZCountFields.optional(),
    scrap: ZScrapFields.optional(),
    telemetry: ZTelemetryFields.optional(),
  })
  .superRefine((config, context) => {
    // Every kind the mapping can produce needs its payload fields, or each record would be dead-lettered.
    const kinds = config.kind.from === "fixed" ? [config.kind.kind] : config.kind.values.map((row) => row.kind);
    for (const kind of new Set(kinds)) {
      const section = PAYLOAD_SECTION[kind];
      if (config[section] === undefined) {
        context.addIssue({
          code: "custom",
          path: [section],
          message: `Records of kind ${kind} need the "${section}" fields.`,
        });
      }
    }
    if (config.scrap && !config.scrap.reasonCodePath && !config.scrap.reasonCode) {
      context.addIssue({
        code: "custom",
        path: ["scrap", "reasonCode"],
        message: "Scrap needs a reason code: a reason code field, a fixed reason code, or both.",
      });
    }
  })
  .meta({ title: "Generic JSON" });
export type TGenericWebhookConfig = z.infer<typeof ZGenericWebhookConfig>;

export const ZWebhookConfig = z
  .discriminatedUnion("format", [ZSafetyCultureConfig, ZGenericWebhookConfig])
  .meta({ title: "Webhook", description: "What the sender posts and how it becomes events." });
export type TWebhookConfig = z.infer<typeof ZWebhookConfig>;

export const ZWebhookSecrets = z.object({
  secret: z
    .string()
    .min(32, "The webhook secret must be at least 32 characters (e.g. openssl rand -hex 32).")
    .max(512)
    .meta({ title: "Signing secret", description: "Shared with the sender, who signs every delivery with it." }),
  /** Kept during a rotation so senders still using it are accepted until they switch. */
  previousSecret: z.string().min(32).max(512).optional().meta({
    title: "Previous secret",
    description: "During a rotation: deliveries signed with it are still accepted until the sender switches.",
  }),
});
export type TWebhookSecrets = z.infer<typeof ZWebhookSecrets>;
