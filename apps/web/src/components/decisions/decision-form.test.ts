import { describe, expect, it } from "vitest";
import { emptyForm, formToInput, presetDate, reviewInstant, type TDecisionForm } from "./decision-form";

const now = Date.parse("2026-11-24T12:00:00Z");
const zone = "Europe/Berlin";

function filled(): TDecisionForm {
  const form = emptyForm();
  const [chosen, other] = form.options;
  if (!chosen || !other) throw new Error("two option rows expected");
  return {
    ...form,
    title: "Move 4711 to PRS-202",
    rationale: "PRS-201 waits for a pump.",
    expectedOutcome: "Ships Friday.",
    options: [
      { ...chosen, label: "Move it" },
      { ...other, label: "" },
    ],
  };
}

describe("the log-a-decision form", () => {
  it("reads a plant-local review time as an instant, and presets from the plant's today", () => {
    expect(reviewInstant("2026-11-27", "08:00", zone)).toBe("2026-11-27T07:00:00.000Z");
    expect(reviewInstant("", "08:00", zone)).toBeNull();
    expect(presetDate(3, now, zone)).toBe("2026-11-27");
  });

  it("drops empty option rows, keeps a typed but not added constraint, and adds the situation", () => {
    const form = { ...filled(), pendingConstraint: { kind: "DUE_DATE" as const, detail: " Friday pickup " } };
    const result = formToInput(form, {
      situation: { kind: "DOWNTIME", workCenterId: "wc", stopStart: "2026-11-24T11:30:00+01:00" },
      timeZone: zone,
      idempotencyKey: "key-12345678",
      now,
    });
    expect(result).toEqual({
      ok: true,
      input: {
        title: "Move 4711 to PRS-202",
        rationale: "PRS-201 waits for a pump.",
        expectedOutcome: "Ships Friday.",
        options: [{ label: "Move it", chosen: true }],
        constraints: [{ kind: "DUE_DATE", detail: "Friday pickup" }],
        links: [],
        situation: { kind: "DOWNTIME", workCenterId: "wc", stopStart: "2026-11-24T10:30:00.000Z" },
        idempotencyKey: "key-12345678",
      },
    });
  });

  it("shows the domain's problems under the fields", () => {
    const form = { ...filled(), title: "", reviewDate: "2026-11-01" };
    const result = formToInput(form, { situation: undefined, timeZone: zone, idempotencyKey: "k-12345678", now });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(["reviewAt", "title"]);
  });
});
