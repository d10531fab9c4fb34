import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it.each([
    "/launches",
    "/launches/abc/checklist?item=1#c",
    "/launches/a%20b",
    "/calendar?view=week&d=2026-12-01",
  ])("keeps the same-origin path %s", (next) => {
    expect(safeRedirectPath(next)).toBe(next);
  });

  it("normalises dot segments and returns the path the browser would follow", () => {
    expect(safeRedirectPath("/launches/../calendar")).toBe("/calendar");
    expect(safeRedirectPath("/a/./b")).toBe("/a/b");
  });

  it.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%09/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "http:/evil.example",
    "javascript:alert(1)",
    "//evil.example/%2e%2e",
    "/.//evil.example",
    "evil.example",
    "/%E0%A4%A",
    "/ok\u0000",
    "",
  ])("refuses %j", (next) => {
    expect(safeRedirectPath(next)).toBe("/");
  });

  it("falls back for absent and absurdly long values, with a chosen fallback", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined, "/launches")).toBe("/launches");
    expect(safeRedirectPath("/" + "a".repeat(3000))).toBe("/");
  });
});
