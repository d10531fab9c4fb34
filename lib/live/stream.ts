import "server-only";
import { encodeBatch } from "./encode";
import { fetchEventsAfter, isMember } from "./events";
import { listener, type Batch } from "./listener";
import { enrichBatch } from "./enrich";

// One Server-Sent Events stream: replay from the client's cursor, then live batches from the listener,
// deduplicated by event id, with a heartbeat, membership re-checks, and cleanup when the browser leaves.

const HEARTBEAT_MS = 15_000;
const MEMBERSHIP_CHECK_MS = 30_000;
const enc = new TextEncoder();

export type StreamOptions = { launchId: string; userId: string; isAdmin: boolean; after: bigint; signal: AbortSignal };

export function createLaunchStream(opts: StreamOptions): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let lastSent = opts.after;
      let replaying = true;
      const buffered: Batch[] = [];
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(enc.encode(text));
        } catch {
          close();
        }
      };
      const send = (batch: Pick<Batch, "events" | "messages">) => {
        const { events, messages } = batch;
        let first = events.findIndex((e) => BigInt(e.id) > lastSent);
        if (first < 0) return;
        lastSent = BigInt(events[events.length - 1].id);
        for (; first < events.length && !closed; first++) {
          try {
            controller.enqueue(messages[first]);
          } catch {
            close();
          }
        }
        // A member removed from the launch loses the stream at once.
        if (!opts.isAdmin && events.some((e) => e.type === "member.removed" && e.payload.userId === opts.userId)) {
          write(`event: revoked\ndata: {}\n\n`);
          close();
        }
      };
      const catchUp = async () => {
        for (;;) {
          const events = await fetchEventsAfter(opts.launchId, lastSent);
          if (!events.length) return;
          send({ events, messages: encodeBatch(events, await enrichBatch(opts.launchId)) });
          if (events.length < 500) return;
        }
      };

      const unsubscribe = await listener().subscribe({
        launchId: opts.launchId,
        userId: opts.userId,
        deliver: (batch) => (replaying ? buffered.push(batch) : send(batch)),
        presence: (userIds) => write(`event: presence\ndata: ${JSON.stringify({ userIds })}\n\n`),
        resync: () => void catchUp().catch(() => {}),
        close: () => close(),
      });
      const heartbeat = setInterval(() => write(`: ping ${Date.now()}\n\n`), HEARTBEAT_MS);
      const membership = setInterval(async () => {
        if (!opts.isAdmin && !(await isMember(opts.launchId, opts.userId).catch(() => true))) {
          write(`event: revoked\ndata: {}\n\n`);
          close();
        }
      }, MEMBERSHIP_CHECK_MS);
      function close() {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearInterval(membership);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      }
      cleanup = close;
      opts.signal.addEventListener("abort", close);

      // Tell EventSource how long to wait before reconnecting, then say hello with presence.
      write(`retry: 1000\nevent: hello\ndata: ${JSON.stringify({ cursor: String(lastSent), userIds: listener().presenceOf(opts.launchId) })}\n\n`);
      try {
        await catchUp();
      } finally {
        replaying = false;
        for (const batch of buffered.splice(0)) send(batch);
      }
    },
    cancel() {
      cleanup();
    },
  });
}
