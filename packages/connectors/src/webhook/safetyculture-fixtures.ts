/**
 * SafetyCulture webhook payloads shaped like the documented ones (developer.safetyculture.com
 * "Webhooks"; the audit JSON format of its API), with the fields this connector reads.
 */

/** Full-inspection layout sent for TRIGGER_EVENT_INSPECTION_COMPLETED: `data.audit` with every item's response. */
export function inspectionCompleted(
  options: {
    auditId?: string;
    templateName?: string;
    siteName?: string;
    score?: number;
    totalScore?: number;
    failedLabels?: string[];
    modifiedAt?: string;
    dateCompleted?: string | null;
  } = {},
) {
  const score = options.score ?? 19;
  const totalScore = options.totalScore ?? 20;
  const failed = options.failedLabels ?? [];
  const dateCompleted = options.dateCompleted === undefined ? "2026-11-24T07:42:33.159Z" : options.dateCompleted;
  return {
    version: "2.0.0",
    webhook_id: "5378baaa-a470-48cc-8f11-ae2893551234",
    event: {
      date_triggered: "2026-11-24T07:42:35.020Z",
      event_types: ["TRIGGER_EVENT_INSPECTION_COMPLETED"],
      triggered_by: { type: "user", user: "user_82465b736bb94071a9a47998cf5d7777", name: "Jon Snow" },
    },
    data: {
      audit: {
        template_id: "template_4183bcc822f146d3be542118d3f15971",
        audit_id: options.auditId ?? "audit_50ba581235704a368d025056a583aa8b",
        archived: false,
        created_at: "2026-11-24T07:31:10.046Z",
        modified_at: options.modifiedAt ?? "2026-11-24T07:42:33.328Z",
        audit_data: {
          score,
          total_score: totalScore,
          score_percentage: totalScore === 0 ? 0 : Math.round((1000 * 100 * score) / totalScore) / 1000,
          name: "24 Nov 2026 / Jon Snow",
          duration: 683,
          authorship: {
            device_id: "",
            owner: "Jon Snow",
            owner_id: "user_82465b736bb94071a9a47998cf5d7777",
            author: "Jon Snow",
            author_id: "user_82465b736bb94071a9a47998cf5d7777",
          },
          date_completed: dateCompleted,
          date_modified: options.modifiedAt ?? "2026-11-24T07:42:33.328Z",
          date_started: "2026-11-24T07:31:09Z",
          ...(options.siteName ? { site: { name: options.siteName } } : {}),
        },
        template_data: {
          authorship: { device_id: "", owner: "Quality Team", author: "Quality Team" },
          metadata: { description: "", name: options.templateName ?? "Press daily inspection" },
        },
        header_items: [
          {
            item_id: "f3245d39-ea77-11e1-aff1-0800200c9a66",
            label: "Title Page",
            type: "section",
            children: ["f3245d42-ea77-11e1-aff1-0800200c9a66"],
          },
          {
            parent_id: "f3245d39-ea77-11e1-aff1-0800200c9a66",
            item_id: "f3245d42-ea77-11e1-aff1-0800200c9a66",
            label: "Conducted on",
            type: "datetime",
            responses: { datetime: "2026-11-24T07:31:09.000Z" },
          },
        ],
        items: [
          {
            item_id: "877247D8-BB42-4379-AA67-1BA0228A585F",
            label: "Guarding",
            type: "section",
            scoring: { combined_score: score, combined_max_score: totalScore, combined_score_percentage: 95 },
          },
          {
            parent_id: "877247D8-BB42-4379-AA67-1BA0228A585F",
            item_id: "5A0FAAD8-46CC-4F94-A55E-395D7FF6F522",
            label: "Light curtain stops the ram?",
            type: "question",
            scoring: { score: 1, max_score: 1, score_percentage: 100 },
            responses: { selected: [{ id: "af89ffa0", label: "Safe", score: 1 }], failed: false },
          },
          ...failed.map((label, index) => ({
            parent_id: "877247D8-BB42-4379-AA67-1BA0228A585F",
            item_id: `7C26BA9C-3202-4BE7-9D8E-E14D8FBB08B${index}`,
            label,
            type: "question",
            scoring: { score: 0, max_score: 1, score_percentage: 0 },
            responses: { selected: [{ id: "060ace01", label: "No", score: 0, failed: true }], failed: true },
          })),
          {
            parent_id: "877247D8-BB42-4379-AA67-1BA0228A585F",
            item_id: "153B8867-2537-45EB-A515-62AF25E3D9DB",
            label: "Hidden follow-up question",
            type: "question",
            inactive: true,
            responses: { failed: true },
          },
        ],
      },
      template: {
        template_id: "template_4183bcc822f146d3be542118d3f15971",
        name: options.templateName ?? "Press daily inspection",
      },
    },
  };
}

/** Lightweight v3 layout (`resource` + `data.details`), e.g. TRIGGER_EVENT_INSPECTION_COMPLETED_STATUS. */
export function inspectionCompletedStatusV3(options: { score?: Record<string, number>; siteId?: string } = {}) {
  return {
    webhook_id: "5378baaa-a470-48cc-8f11-ae2893551234",
    version: "3.0.0",
    event: {
      date_triggered: "2026-11-24T09:05:12Z",
      event_types: [
        "TRIGGER_EVENT_INSPECTION",
        "TRIGGER_EVENT_INSPECTION_METADATA",
        "TRIGGER_EVENT_INSPECTION_COMPLETED_STATUS",
      ],
      triggered_by: {
        user: "user_b0bc1fcbef1a4ecf9f9b3d2dbddb1234",
        organization: "53465cd9-8933-4518-9b7e-c7a71b3b1234",
      },
    },
    resource: { id: "audit_047ef3d184014ce7a04bc65701b51234", type: "INSPECTION" },
    data: {
      event: { inspection_completed_status: {} },
      details: {
        inspection_id: "audit_047ef3d184014ce7a04bc65701b51234",
        template_id: "template_5ac67d8738af471f9ad861232d8e1234",
        org_id: "53465cd9-8933-4518-9b7e-c7a71b3b1234",
        modify_time: "2026-11-24T09:05:10Z",
        canonical_start_time: "2026-11-24T08:50:02Z",
        ...(options.siteId ? { site_id: options.siteId } : {}),
        score: options.score ?? { score: 7, max_score: 10 },
      },
    },
  };
}

/** v3 layout for TRIGGER_EVENT_ACTION_CREATED. */
export function actionCreated(options: { siteName?: string } = {}) {
  return {
    webhook_id: "5378baaa-a470-48cc-8f11-ae2893551234",
    version: "3.0.0",
    event: {
      date_triggered: "2026-11-24T10:11:00Z",
      event_types: ["TRIGGER_EVENT_ACTION", "TRIGGER_EVENT_ACTION_CREATED"],
      triggered_by: {
        user: "user_b0bc1fcbef1a4ecf9f9b3d2dbddb1234",
        organization: "53465cd9-8933-4518-9b7e-c7a71b3b1234",
      },
    },
    resource: { id: "7c1e4a8b-2f5d-4c3e-9a61-0d8b2e7f4a10", type: "ACTION" },
    data: {
      details: {
        title: "Replace cracked guard panel on Press 400t",
        priority: "HIGH",
        created_at: "2026-11-24T10:10:58Z",
        ...(options.siteName ? { site: { name: options.siteName } } : {}),
      },
    },
  };
}

/** An event the connector does not map. */
export function inspectionStarted() {
  return {
    webhook_id: "5378baaa-a470-48cc-8f11-ae2893551234",
    version: "3.0.0",
    event: {
      date_triggered: "2026-11-24T08:50:02Z",
      event_types: [
        "TRIGGER_EVENT_INSPECTION",
        "TRIGGER_EVENT_INSPECTION_METADATA",
        "TRIGGER_EVENT_INSPECTION_HAS_STARTED",
      ],
      triggered_by: {
        user: "user_b0bc1fcbef1a4ecf9f9b3d2dbddb1234",
        organization: "53465cd9-8933-4518-9b7e-c7a71b3b1234",
      },
    },
    resource: { id: "audit_047ef3d184014ce7a04bc65701b51234", type: "INSPECTION" },
    data: {
      event: { inspection_has_started: {} },
      details: {
        inspection_id: "audit_047ef3d184014ce7a04bc65701b51234",
        modify_time: "2026-11-24T08:50:02Z",
        score: {},
      },
    },
  };
}
