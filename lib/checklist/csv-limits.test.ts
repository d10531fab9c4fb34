import { describe, expect, it } from "vitest";
import { importCsvSchema } from "./checklist.schema";
import { csvTooLarge, FILE_TOO_LARGE, MAX_CSV_BYTES, utf8Bytes } from "./csv-limits";

describe("CSV size limit", () => {
  it("counts UTF-8 bytes as the file had them", () => {
    for (const text of ["", "a,b\n", "é", "€", "🚀", "naïve “curly” ✓ 🚀"]) expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, "utf8"));
  });

  it("allows exactly 2 MB and refuses one byte more, in ASCII and in multi-byte text", () => {
    expect(csvTooLarge("a".repeat(MAX_CSV_BYTES))).toBe(false);
    expect(csvTooLarge("a".repeat(MAX_CSV_BYTES + 1))).toBe(true);
    expect(csvTooLarge("€".repeat(Math.floor(MAX_CSV_BYTES / 3)))).toBe(false);
    expect(csvTooLarge("€".repeat(Math.floor(MAX_CSV_BYTES / 3) + 1))).toBe(true);
  });

  it("answers the one message in the action's schema", () => {
    const result = importCsvSchema.safeParse({ launchId: "l1", csv: "x".repeat(2.5e6) });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["csv", FILE_TOO_LARGE]]);
    expect(FILE_TOO_LARGE).toBe("File too large (max 2 MB)");
  });
});
