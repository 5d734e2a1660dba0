/**
 * What may be stored as a step image or a run photo: JPEG, PNG or WebP up to 2 MB (the tablet
 * scales photos down before sending, so a larger file means something went wrong). The type is
 * read from the bytes, never taken from the browser's word for it: the file is served back to
 * other people's browsers later.
 */

export const MEDIA_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type TMediaType = (typeof MEDIA_TYPES)[number];

export const MEDIA_MAX_BYTES = 2 * 1024 * 1024;

/** The image type the bytes start with, or null when they are not a JPEG, PNG or WebP image. */
export function sniffImageType(bytes: Uint8Array): TMediaType | null {
  const starts = (offset: number, signature: readonly number[]) =>
    bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
  if (starts(0, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  // RIFF, a 4-byte size, then WEBP.
  if (starts(0, [0x52, 0x49, 0x46, 0x46]) && starts(8, [0x57, 0x45, 0x42, 0x50])) return "image/webp";
  return null;
}

/** "1.4 MB", "820 KB": sizes as people read them in an error message. */
export function formatByteSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Why these bytes cannot be stored, or null when they can. */
export function mediaIssue(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "The file is empty. Take the photo again or choose another image.";
  if (sniffImageType(bytes) === null)
    return "Only JPEG, PNG or WebP images can be attached. Choose a photo or image file.";
  if (bytes.length > MEDIA_MAX_BYTES) {
    return `The image is ${formatByteSize(bytes.length)}; images may be at most ${formatByteSize(MEDIA_MAX_BYTES)}. Scale it down and try again.`;
  }
  return null;
}
