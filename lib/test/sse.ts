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
