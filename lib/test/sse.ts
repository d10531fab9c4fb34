import type { LiveMessage } from "@/lib/launches/view-types";

export type SseMessage = { event: string; id?: string; data: string };

/** Reads an SSE stream in the background, pushing each message (with an event name) as it arrives. */
export function readSse(stream: ReadableStream<Uint8Array>): SseMessage[] {
  const out: SseMessage[] = [];
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) => raw.split("\n").find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
        if (field("event")) out.push({ event: field("event")!, id: field("id"), data: field("data") ?? "" });
      }
    }
  })();
  return out;
}

/** Ids of the events delivered by "change" messages so far. */
export function changeIds(messages: SseMessage[]): string[] {
  return messages.filter((m) => m.event === "change").flatMap((m) => JSON.parse(m.data).events.map((e: { id: string }) => e.id));
}

/** Polls `pred` every 20 ms until it holds or `ms` pass (by the clock, however slow the machine); returns its last value. */
export async function until(pred: () => boolean | Promise<boolean>, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!(await pred()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return pred();
}

/** The parsed "change" messages (live batches) received so far. */
export function changeMessages(messages: SseMessage[]): LiveMessage[] {
  return messages.filter((m) => m.event === "change").map((m) => JSON.parse(m.data) as LiveMessage);
}

const opened: AbortController[] = [];

/**
 * Opens `user`'s live stream of a launch through the route handler, from the newest event on (tests of live
 * batches, not of the replay), once it has said hello. `closeLaunchStreams` (in afterAll) ends them all.
 */
export async function openLaunchStream(launchId: string, user: { cookie: string }): Promise<SseMessage[]> {
  const { GET } = await import("@/app/api/launches/[launchId]/events/route");
  const { maxEventId } = await import("@/lib/live/events");
  const abort = new AbortController();
  opened.push(abort);
  const after = String(await maxEventId(launchId));
  const request = new Request(`http://localhost:3000/api/launches/${launchId}/events?after=${after}`, { headers: { cookie: user.cookie }, signal: abort.signal });
  const response = await GET(request, { params: Promise.resolve({ launchId }) });
  if (response.status !== 200) throw new Error(`The live stream answered ${response.status}`);
  const got = readSse(response.body!);
  if (!(await until(() => got.some((m) => m.event === "hello")))) throw new Error("The live stream never said hello");
  return got;
}

export function closeLaunchStreams() {
  opened.splice(0).forEach((a) => a.abort());
}
