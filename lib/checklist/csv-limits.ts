// Limits of the CSV import, client-safe: the dialog checks the file before uploading it and the server
// checks again, with the same message, because a caller need not be our dialog.

export const MAX_CSV_BYTES = 2 * 1024 * 1024;
export const FILE_TOO_LARGE = "File too large (max 2 MB)";
/** Far beyond any real cutover checklist; keeps a pasted database dump from tying up the server. */
export const MAX_CSV_ROWS = 2000;

/** UTF-8 size of `text` without allocating it (what the file weighed on disk, give or take a BOM). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function csvTooLarge(text: string): boolean {
  // More characters than bytes allowed is too large whatever they are; skip counting a huge string.
  return text.length > MAX_CSV_BYTES || utf8Bytes(text) > MAX_CSV_BYTES;
}
