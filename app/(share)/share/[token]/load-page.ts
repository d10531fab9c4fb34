import "server-only";
import { notFound } from "next/navigation";
import { maxEventId } from "@/lib/live/events";
import { resolveShareToken } from "@/lib/share/links";
import { loadShareDTO } from "@/lib/share/load";

/** The share page's data: the stream cursor first (so nothing committed after it is lost), then the DTO. */
export async function loadSharePage(params: Promise<{ token: string }>) {
  const { token } = await params;
  const link = await resolveShareToken(token);
  if (!link) notFound();
  const cursor = await maxEventId(link.launchId);
  const dto = await loadShareDTO(link);
  if (!dto) notFound();
  return { token, dto, cursor: cursor.toString() };
}
