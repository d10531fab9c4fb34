// The launches list pages by keyset, newest activity first: a page link names the last launch it showed
// (its last activity in ms, then its id), so launches that become active meanwhile never shift an older
// page by one and repeat or skip a card, as an offset would.

export type LaunchCursor = { updatedAt: Date; id: string };

const PATTERN = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/;

export function encodeLaunchCursor(c: LaunchCursor): string {
  return `${c.updatedAt.getTime()}.${c.id}`;
}

/** The cursor in a page link; null for anything that is not one (a hand-edited or truncated link). */
export function decodeLaunchCursor(text: string | string[] | undefined): LaunchCursor | null {
  if (typeof text !== "string") return null;
  const match = PATTERN.exec(text);
  if (!match) return null;
  const updatedAt = new Date(Number(match[1]));
  return Number.isNaN(updatedAt.getTime()) ? null : { updatedAt, id: match[2] };
}
