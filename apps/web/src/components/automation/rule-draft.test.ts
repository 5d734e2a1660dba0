import { ZRuleDefinition } from "@gemba/domain/automation/rule-definition";
import { describe, expect, it } from "vitest";
import { blankDraft, definitionFromDraft, draftErrorsFromApi, draftFromDefinition } from "./rule-draft";
import { STARTERS } from "./rule-starters";

describe("rule drafts", () => {
  it("every starter becomes a valid rule definition", () => {
    for (const starter of STARTERS) {
      const { definition, errors } = definitionFromDraft(starter.draft());
      expect(errors, starter.id).toEqual({});
      expect(ZRuleDefinition.safeParse(definition).success, starter.id).toBe(true);
    }
  });

  it("survives a round trip through the stored definition, andon included", () => {
    const andon = STARTERS.find((starter) => starter.id === "andon")?.draft();
    if (!andon) throw new Error("andon starter missing");
    const stored = ZRuleDefinition.parse(definitionFromDraft(andon).definition);
    const back = draftFromDefinition(stored, { name: andon.name, description: null });
    expect(back.when).toBe("ANDON");
    expect(definitionFromDraft(back).definition).toEqual(definitionFromDraft(andon).definition);
  });

  it("names the field for what the form can check", () => {
    const draft = {
      ...blankDraft(),
      minutes: "ten",
      actions: [{ ...blankDraft().actions[0], kind: "EMAIL" as const, to: "ops@plant, nobody", subject: "" }],
    } as ReturnType<typeof blankDraft>;
    expect(definitionFromDraft(draft).errors).toEqual({
      name: "Give the rule a name, e.g. “Long stops on the press line”.",
      "trigger.minutes": "Enter whole minutes between 1 and 1440 (24 hours).",
      "actions.0.to": "“ops@plant” is not an e-mail address.",
      "actions.0.subject": "Write a subject.",
    });
  });

  it("reads the API's field errors under the form's keys", () => {
    expect(
      draftErrorsFromApi({ "definition.actions.0.title": ["Then → action 1 (task) → title: fill it in"], name: ["x"] }),
    ).toEqual({
      "actions.0.title": "Then → action 1 (task) → title: fill it in",
      name: "x",
    });
  });
});
