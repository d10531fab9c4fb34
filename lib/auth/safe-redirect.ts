// Where a `next`/callback parameter may send the browser after sign-in: a path on this origin, nothing else.
// Pure (no Next, no Node), shared by the sign-in form and proxy.ts.

const BASE = "http://liftoff.invalid";

/**
 * A same-origin path (with its query and hash) for `next`, or `fallback`. The candidate is resolved the
 * way a browser would resolve it (backslashes, tabs and newlines, percent-encoded slashes, `..`), and is
 * refused unless the result stays on this origin; the path returned is the normalised one, so what we
 * check is what the browser follows.
 */
export function safeRedirectPath(next: string | null | undefined, fallback = "/"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return fallback;
  // Browsers strip ASCII tab/newline anywhere and treat "\" like "/" in http(s) URLs: "/\evil" is "//evil".
  const raw = next.replace(/[\t\n\r]/g, "");
  if (!raw.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  // Decoded once more, a path must not turn into a protocol-relative or backslashed one ("/%2F/evil", "/%5Cevil").
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return fallback;
  }
  if (/^\/[\\/\t\n\r]/.test(decoded) || /[\\\u0000-\u001f\u007f]/.test(decoded)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // The normalised path itself must not be protocol-relative ("/.//evil" resolves to "//evil").
  return path.startsWith("//") ? fallback : path;
}
