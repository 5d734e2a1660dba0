/** The API's limit (in characters); checked on the bytes first so a huge file is never read into memory. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export type TFileEncoding = "UTF-8" | "UTF-16" | "Windows-1252";
export type TReadFile = { ok: true; text: string; encoding: TFileEncoding } | { ok: false; problem: string };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, at) => bytes[at] === byte);

/**
 * Excel saves "CSV UTF-8" with a byte order mark, plain "CSV" in the Windows code page (Windows-1252
 * in Western Europe and the Americas) and "Unicode Text" as UTF-16. A file that is not valid UTF-8 is
 * read as Windows-1252, so "Müller" stays "Müller" instead of turning into replacement characters.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: TFileEncoding } {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "UTF-16" };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "UTF-16" };
  try {
    // fatal: invalid UTF-8 throws instead of becoming U+FFFD; the decoder drops a byte order mark.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252" };
  }
}

/** "2.4 MB", "830 KB", "120 bytes". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Reads a chosen file as text in the browser, refusing what the import cannot use with a reason the admin can act on. */
export async function readCsvFile(file: Blob & { name: string }): Promise<TReadFile> {
  if (file.size > MAX_UPLOAD_BYTES) {
    return {
      ok: false,
      problem: `${file.name} is ${formatFileSize(file.size)}; files up to 10 MB can be uploaded. Split it, or connect the ERP directly.`,
    };
  }
  if (file.size === 0) return { ok: false, problem: `${file.name} is empty.` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Workbooks are zip files: the commonest wrong file, and unreadable as text.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return {
      ok: false,
      problem: `${file.name} is an Excel workbook, not a CSV file. In Excel choose File → Save As → "CSV UTF-8", then upload that file.`,
    };
  }
  return { ok: true, ...decodeCsvBytes(bytes) };
}
