import { randomUUID } from "node:crypto";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { MEDIA_MAX_BYTES } from "@gemba/domain/checklists/media-rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing/test-platform";
import { callerFor } from "../decisions/testing/decision-test-plant";
import { readMedia } from "./media";
import { PRESS_STEPS, pressChecklist, TINY_PNG_BASE64 } from "./testing/sample-checklist";

let db: TestDatabase;
let platform: TestPlatform;
let plant: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  platform = createTestPlatform();
  plant = await createTenantFixture(db, "Media");
  other = await createTenantFixture(db, "Elsewhere");
});

afterAll(async () => {
  await platform.close();
  await db.drop();
});

const read = (tenantId: string, mediaId: string) => withTenant(db.app.prisma, tenantId, (tx) => readMedia(tx, mediaId));

describe("media", () => {
  it("stores an image with the type read from its bytes, readable in its own plant only", async () => {
    const operator = await callerFor(db, platform, plant, "OPERATOR");
    // Called a JPEG by the browser, but the bytes are a PNG: the bytes win.
    const uploaded = await operator.checklists.media.upload({ contentType: "image/jpeg", dataBase64: TINY_PNG_BASE64 });
    expect(uploaded).toMatchObject({
      contentType: "image/png",
      byteSize: Buffer.from(TINY_PNG_BASE64, "base64").length,
    });

    const file = await read(plant.tenantId, uploaded.mediaId);
    expect(file.contentType).toBe("image/png");
    expect(Buffer.from(file.data).equals(Buffer.from(TINY_PNG_BASE64, "base64"))).toBe(true);
    await expect(read(other.tenantId, uploaded.mediaId)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "This image does not exist in your plant.",
    });
  });

  it("refuses what is not an image, and images over 2 MB, saying what to do", async () => {
    const operator = await callerFor(db, platform, plant, "OPERATOR");
    const svg = Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>").toString(
      "base64",
    );
    await expect(operator.checklists.media.upload({ contentType: "image/png", dataBase64: svg })).rejects.toMatchObject(
      {
        code: "BAD_REQUEST",
        message: "Only JPEG, PNG or WebP images can be attached. Choose a photo or image file.",
      },
    );
    const large = Buffer.alloc(MEDIA_MAX_BYTES + 1);
    Buffer.from(TINY_PNG_BASE64, "base64").copy(large);
    await expect(
      operator.checklists.media.upload({ contentType: "image/png", dataBase64: large.toString("base64") }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: /^The image is 2\.0 MB; images may be at most 2\.0 MB/ });
    await expect(
      operator.checklists.media.upload({ contentType: "image/png", dataBase64: "not base64 at all!" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The file did not arrive intact. Choose the image again.",
    });
  });

  it("takes a photo answer and a step image from the plant's own media only", async () => {
    const manager = await callerFor(db, platform, plant, "MANAGER");
    const operator = await callerFor(db, platform, plant, "OPERATOR");
    const stranger = await callerFor(db, platform, other, "OPERATOR");
    const foreign = await stranger.checklists.media.upload({ contentType: "image/png", dataBase64: TINY_PNG_BASE64 });
    const own = await manager.checklists.media.upload({ contentType: "image/png", dataBase64: TINY_PNG_BASE64 });

    const photoStep = { id: "photo", title: "Photo of the first part", input: { kind: "PHOTO" as const } };
    await expect(
      manager.checklists.templates.create({
        ...pressChecklist("With a foreign image"),
        steps: [{ ...photoStep, imageId: foreign.mediaId }],
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "The image of the step “Photo of the first part” is missing. Upload it again.",
    });
    const { templateId } = await manager.checklists.templates.create({
      ...pressChecklist("With an image"),
      steps: [{ ...photoStep, imageId: own.mediaId }, ...PRESS_STEPS],
    });

    const run = await operator.checklists.runs.start({
      templateId,
      workCenterId: plant.workCenterId,
      idempotencyKey: randomUUID(),
    });
    expect(run.steps[0]?.imageId).toBe(own.mediaId);
    await expect(
      operator.checklists.runs.recordAnswer({ runId: run.id, stepId: "photo", value: { mediaId: foreign.mediaId } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const photo = await operator.checklists.media.upload({ contentType: "image/png", dataBase64: TINY_PNG_BASE64 });
    const answered = await operator.checklists.runs.recordAnswer({
      runId: run.id,
      stepId: "photo",
      value: { mediaId: photo.mediaId },
    });
    expect(answered.run.answers[0]).toMatchObject({
      stepId: "photo",
      value: { mediaId: photo.mediaId },
      valueText: "Photo",
    });
  });
});
