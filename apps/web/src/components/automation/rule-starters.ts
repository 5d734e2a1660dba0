import { blankAction, blankDraft, newKey, type TRuleDraft } from "./rule-draft";

export type TStarter = { id: string; label: string; description: string; draft: () => TRuleDraft };

/** Rules most plants start with, offered on the empty list and in the editor. */
export const STARTERS: readonly TStarter[] = [
  {
    id: "long-stop",
    label: "Down longer than 10 min → task for managers",
    description:
      "A task the moment a machine has been down 10 minutes; an admin gets it if nobody acknowledges it in 30.",
    draft: () => ({
      ...blankDraft(),
      name: "Down longer than 10 minutes",
      actions: [
        {
          ...blankAction(),
          title: "{workCenter} down for {minutes} min",
          detail: "Reason so far: {reason}",
          priority: "HIGH",
          escalation: [{ key: newKey("step"), role: "ADMIN", afterMinutes: "30" }],
        },
      ],
    }),
  },
  {
    id: "andon",
    label: "Andon called → urgent task, escalating",
    description: "Every andon call becomes an urgent task for managers, escalated to admins after 15 minutes.",
    draft: () => ({
      ...blankDraft(),
      name: "Andon called",
      when: "ANDON",
      eventKinds: ["operator.activity"],
      activityType: "ANDON_CALLED",
      actions: [
        {
          ...blankAction(),
          title: "Andon at {workCenter}",
          priority: "URGENT",
          dueInMinutes: "15",
          escalation: [{ key: newKey("step"), role: "ADMIN", afterMinutes: "15" }],
        },
      ],
    }),
  },
  {
    id: "checklist-failed",
    label: "Checklist step failed → task",
    description: "A failed or out-of-limit checklist answer becomes a task with the value that was recorded.",
    draft: () => ({
      ...blankDraft(),
      name: "Checklist step failed",
      when: "CHECKLIST_FAILED",
      actions: [{ ...blankAction(), title: "{checklist}: {step} failed at {workCenter} ({value})", priority: "HIGH" }],
    }),
  },
];
