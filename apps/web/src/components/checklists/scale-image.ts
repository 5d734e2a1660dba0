import { formatByteSize, MEDIA_MAX_BYTES } from "@gemba/domain/checklists/media-rules";

/**
 * Scales a photo or image down in the browser before it is sent: a tablet camera's 12 MP photo
 * is 4–8 MB, far more than a step needs and slow on shop-floor Wi-Fi. The longest edge becomes at
 * most `maxEdge` pixels, re-encoded as JPEG (white behind transparent parts); if that is still over
 * the limit, smaller and lower quality until it fits.
 */
export type TScaledImage = {
  contentType: "image/jpeg";
  dataBase64: string;
  byteSize: number;
  width: number;
  height: number;
};

const ATTEMPTS = [
  { maxEdge: 1600, quality: 0.85 },
  { maxEdge: 1280, quality: 0.75 },
  { maxEdge: 960, quality: 0.7 },
] as const;

export class ImageScaleError extends Error {}

export async function scaleImage(file: Blob): Promise<TScaledImage> {
  if (file.type && !file.type.startsWith("image/")) {
    throw new ImageScaleError("This file is not an image. Choose a photo (JPEG, PNG or WebP).");
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    throw new ImageScaleError("This image cannot be read. Take the photo again or choose another file.");
  }
  try {
    for (const attempt of ATTEMPTS) {
      const scale = Math.min(1, attempt.maxEdge / Math.max(bitmap.width, bitmap.height));
      const width = Math.max(1, Math.round(bitmap.width * scale));
      const height = Math.max(1, Math.round(bitmap.height * scale));
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext("2d");
      if (!context) throw new ImageScaleError("This browser cannot prepare images. Try another browser.");
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, width, height);
      context.drawImage(bitmap, 0, 0, width, height);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", attempt.quality));
      if (!blob) continue;
      if (blob.size <= MEDIA_MAX_BYTES) {
        return { contentType: "image/jpeg", dataBase64: await toBase64(blob), byteSize: blob.size, width, height };
      }
    }
  } finally {
    bitmap.close();
  }
  throw new ImageScaleError(
    `The image is still larger than ${formatByteSize(MEDIA_MAX_BYTES)} after scaling. Choose a smaller image.`,
  );
}

async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = "";
  // In chunks: String.fromCharCode with a million arguments overflows the call stack.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}
