import { describe, expect, it } from "vitest";
import { idSchema, isSafeHttpUrl, linkSchema, textSchema } from "./text";

const title = textSchema({ max: 200, label: "The title", min: 1 });
const notes = textSchema({ max: 4000, label: "The notes", multiline: true });
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe("textSchema", () => {
  it("trims and keeps ordinary text, accents, emoji and right-to-left scripts", () => {
    expect(title.parse("  Cut over DNS  ")).toBe("Cut over DNS");
    expect(title.parse("Prüfung 🚀 — שלום مرحبا")).toBe("Prüfung 🚀 — שלום مرحبا");
  });

  it.each([
    ["NUL", "Cut\u0000over"],
    ["bell", "Cut\u0007over"],
    ["escape", "\u001b[31mred"],
    ["DEL", "a\u007fb"],
    ["C1 control", "a\u0085b"],
    ["right-to-left override", "invoice\u202eexe.pdf"],
    ["line separator", "a\u2028b"],
    ["tab in a single-line field", "a\tb"],
    ["newline in a single-line field", "a\nb"],
  ])("refuses %s with a field error naming it", (_name, value) => {
    const result = title.safeParse(value);
    expect(result.success).toBe(false);
    expect(messages(result)).toContain("The title contains a control character");
  });

  it("keeps newlines and tabs in multi-line fields, normalising CRLF, but still refuses NUL", () => {
    expect(notes.parse("line 1\r\n\tline 2\rline 3")).toBe("line 1\n\tline 2\nline 3");
    expect(messages(notes.safeParse("line 1\n\u0000"))).toContain("The notes contains a control character");
  });

  it("refuses a lone surrogate, which cannot be stored as UTF-8", () => {
    expect(messages(title.safeParse("a\uD800b"))).toContain("The title contains an invalid character");
  });

  it("bounds the length after trimming and requires the minimum", () => {
    expect(title.safeParse("x".repeat(200)).success).toBe(true);
    expect(title.safeParse(` ${"x".repeat(200)} `).success).toBe(true);
    expect(messages(title.safeParse("x".repeat(201)))).toEqual(["Keep it under 200 characters"]);
    expect(title.safeParse("   ").success).toBe(false);
    expect(title.safeParse("x".repeat(1_000_000)).success).toBe(false);
  });

  it("refuses wrong types with a message instead of throwing", () => {
    for (const value of [null, 42, {}, [], true, Number.NaN]) expect(title.safeParse(value).success).toBe(false);
  });
});

describe("idSchema", () => {
  it("accepts cuids, UUIDs and built-in keys", () => {
    for (const id of ["cmabc123xyz0000", "6f1c2d3e-0000-4000-8000-000000000000", "builtin-web-go-live"]) expect(idSchema.parse(id)).toBe(id);
  });
  it.each(["a\u0000b", "../etc", "a b", "x".repeat(65), "", "%", "é"])("refuses %j", (id) => {
    expect(idSchema.safeParse(id).success).toBe(false);
  });
});

describe("linkSchema", () => {
  it.each(["https://ci.example.com/run/42", "http://10.0.0.1:8080/x?y=1#z", "HTTPS://EXAMPLE.COM/"])("accepts %s", (url) => {
    expect(linkSchema.parse(url)).toBe(url);
  });

  it("trims surrounding spaces", () => {
    expect(linkSchema.parse("  https://example.com/a  ")).toBe("https://example.com/a");
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\u0001javascript:alert(1)",
    "\u0000https://example.com",
    "java\tscript:alert(1)",
    "https://exa\tmple.com",
    "https://exa\nmple.com",
    "data:text/html,x",
    "data:text/html;base64,PHNjcmlwdD4=",
    "file:///etc/passwd",
    "vbscript:msgbox(1)",
    "ftp://example.com/x",
    "/relative/path",
    "//evil.example/x",
    "example.com",
    "https:/example.com",
    "https:\\\\evil.example",
    "http://user:pass@example.com",
    "https://user@example.com",
    "https://",
    "https://exa\u202emple.com",
    `https://example.com/${"a".repeat(2000)}`,
  ])("refuses %j", (url) => {
    const result = linkSchema.safeParse(url);
    expect(result.success).toBe(false);
    expect(isSafeHttpUrl(url.trim())).toBe(false);
  });

  it("refuses wrong types", () => {
    for (const value of [null, 1, {}, ["https://example.com"]]) expect(linkSchema.safeParse(value).success).toBe(false);
  });
});
