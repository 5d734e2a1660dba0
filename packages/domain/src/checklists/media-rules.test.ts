import { describe, expect, it } from "vitest";
import { formatByteSize, MEDIA_MAX_BYTES, mediaIssue, sniffImageType } from "./media-rules";

const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
const webp = new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ");

describe("image type from the bytes", () => {
  it("recognizes JPEG, PNG and WebP", () => {
    expect(sniffImageType(jpeg)).toBe("image/jpeg");
    expect(sniffImageType(png)).toBe("image/png");
    expect(sniffImageType(webp)).toBe("image/webp");
  });

  it("refuses anything else, whatever it is called", () => {
    expect(sniffImageType(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WAVEfmt "))).toBeNull();
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8]))).toBeNull();
  });
});

describe("media rules", () => {
  it("accepts an image up to 2 MB", () => {
    const large = new Uint8Array(MEDIA_MAX_BYTES);
    large.set(jpeg);
    expect(mediaIssue(large)).toBeNull();
  });

  it("says how large a too-large image is", () => {
    const tooLarge = new Uint8Array(MEDIA_MAX_BYTES + 300 * 1024);
    tooLarge.set(png);
    expect(mediaIssue(tooLarge)).toBe(
      "The image is 2.3 MB; images may be at most 2.0 MB. Scale it down and try again.",
    );
  });

  it("refuses empty files and other kinds of file", () => {
    expect(mediaIssue(new Uint8Array())).toMatch(/empty/);
    expect(mediaIssue(new TextEncoder().encode("%PDF-1.7"))).toMatch(/Only JPEG, PNG or WebP/);
  });

  it("writes sizes for people", () => {
    expect(formatByteSize(300)).toBe("1 KB");
    expect(formatByteSize(820 * 1024)).toBe("820 KB");
  });
});
