import type { Tx } from "@gemba/db/tenant-scope";
import { mediaIssue, sniffImageType, type TMediaType } from "@gemba/domain/checklists/media-rules";
import { AppError } from "@gemba/domain/errors";
import type { TenantActor } from "../scope";

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Stores an image for a step or a photo taken during a run. The bytes decide what it is: a file
 * that is not a JPEG, PNG or WebP image is refused whatever the browser called it, and the type
 * stored is the one read from the bytes (the file is later served to other people's browsers).
 */
export async function uploadMedia(
  actor: TenantActor,
  input: { contentType: TMediaType; dataBase64: string },
): Promise<{ mediaId: string; contentType: TMediaType; byteSize: number }> {
  const encoded = input.dataBase64.replace(/^data:[^,]*,/, "").replace(/\s+/g, "");
  if (!BASE64.test(encoded)) {
    throw new AppError("BAD_REQUEST", "The file did not arrive intact. Choose the image again.");
  }
  const bytes = new Uint8Array(Buffer.from(encoded, "base64"));
  const issue = mediaIssue(bytes);
  if (issue) throw new AppError("BAD_REQUEST", issue);
  const contentType = sniffImageType(bytes) ?? input.contentType;
  const file = await actor.tx.mediaFile.create({
    data: {
      tenantId: actor.tenantId,
      contentType,
      data: bytes,
      byteSize: bytes.length,
      createdById: actor.userId,
    },
    select: { id: true },
  });
  return { mediaId: file.id, contentType, byteSize: bytes.length };
}

/** One stored image of the caller's plant; another plant's id is simply not found (row-level security). */
export async function readMedia(tx: Tx, mediaId: string) {
  const file = await tx.mediaFile.findFirst({
    where: { id: mediaId },
    select: { id: true, contentType: true, data: true, byteSize: true },
  });
  if (!file) throw new AppError("NOT_FOUND", "This image does not exist in your plant.");
  return { id: file.id, contentType: file.contentType, byteSize: file.byteSize, data: new Uint8Array(file.data) };
}
