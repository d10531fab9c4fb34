import "server-only";
import type { Role } from "@/lib/domain/roles";
import { streamRole } from "@/lib/launches/access";
import { seesInvitees } from "@/lib/launches/event-privacy";
import { seesEmails } from "@/lib/launches/view";
import { encodeBatch, encodeResync } from "./encode";
import { buildPatch } from "./enrich";
import { fetchEventsAfter, maxEventId, EVENTS_PAGE } from "./events";
import { listener, type Batch } from "./listener";

// One Server-Sent Events stream: replay from the client's cursor (bounded: beyond it the client is told
// to resync once), then live batches from the listener, deduplicated by event id, and cleanup when the
// browser leaves. The heartbeat and the access re-checks are the listener's, one for all streams.

/** Events a reconnecting client may be replayed; more than that and it refetches instead. */
export const REPLAY_MAX = EVENTS_PAGE;
const enc = new TextEncoder();

/** A share link's stream: no session; it gets the batches' share encoding and ends when the link does. */
export type ShareAudience = { linkId: string; showNames: boolean; expiresAt: Date | null };

export type StreamOptions = { launchId: string; userId: string; isAdmin: boolean; after: bigint; signal: AbortSignal; role?: Role | null; share?: ShareAudience };

/**
 * Where a feed writes: a Node response (lib/live/node-sse.ts, no web stream in between) or a web
 * ReadableStream's controller (route handlers). `write` returning false means the client is gone or too far
 * behind: the feed ends, and the browser reconnects from its Last-Event-ID.
 */
export type FeedSink = { write: (bytes: Uint8Array) => boolean; end: () => void };

/** The feed as a web stream, for route handlers (Response bodies) and tests. */
export function createLaunchStream(opts: StreamOptions): ReadableStream<Uint8Array> {
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      stop = openLaunchFeed(opts, {
        write: (bytes) => {
          try {
            controller.enqueue(bytes);
            return true;
          } catch {
            return false;
          }
        },
        end: () => {
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        },
      });
    },
    cancel() {
      stop();
    },
  });
}

/** Opens the feed on `sink`; returns what ends it (the signal's abort ends it too). */
export function openLaunchFeed(opts: StreamOptions, sink: FeedSink): () => void {
  const actor = { userId: opts.userId, isAdmin: opts.isAdmin };
  const share = opts.share;
  let closed = false;
  let lastSent = opts.after;
  let replaying = true;
  const buffered: Batch[] = [];
  let unsubscribe = () => {};
  let expiry: NodeJS.Timeout | null = null;
  // Which encoding of each batch this viewer receives (viewers do not get member emails); the listener's
  // access sweep moves it when the viewer's role changes.
  let isAdmin = opts.isAdmin;
  let full = false;
  let manager = false;
  const seeAs = (role: Role | null) => {
    full = seesEmails(role, isAdmin);
    manager = seesInvitees(role, isAdmin);
  };

  const close = () => {
    if (closed) return;
    closed = true;
    if (expiry) clearTimeout(expiry);
    unsubscribe();
    opts.signal.removeEventListener("abort", close);
    sink.end();
  };
  const enqueue = (bytes: Uint8Array) => {
    if (closed) return;
    if (!sink.write(bytes)) close();
  };
  const write = (text: string) => enqueue(enc.encode(text));
  const revoke = () => {
    write(`event: revoked\ndata: {}\n\n`);
    close();
  };
  const send = (batch: Pick<Batch, "events" | "after" | "lastId" | "messages">) => {
    if (batch.lastId <= lastSent) return;
    // Event ids are global, so only the batch's own cursor tells whether it follows on from what was
    // sent. One that overlaps it (a catch-up racing the listener) or leaves a gap is not sent: the
    // events after `lastSent` are read from the table instead, so none is sent twice or skipped.
    if (batch.after !== lastSent) return void catchUp().catch(() => {});
    lastSent = batch.lastId;
    enqueue(share ? batch.messages.share(share.showNames) : manager ? batch.messages.manager : full ? batch.messages.full : batch.messages.restricted);
    // A member removed from the launch, or a revoked share link, loses the stream at once.
    if (share) {
      if (batch.events.some((e) => e.type === "share_link.revoked" && e.payload.linkId === share.linkId)) revoke();
    } else if (!isAdmin && batch.events.some((e) => e.type === "member.removed" && e.payload.userId === opts.userId)) revoke();
  };
  // One catch-up at a time; asked again while one runs, it runs once more from where that one got.
  let catching: Promise<void> | null = null;
  let again = false;
  const catchUp = (): Promise<void> => {
    if (catching) {
      again = true;
      return catching;
    }
    catching = (async () => {
      do {
        again = false;
        await readMissed();
      } while (again && !closed);
    })().finally(() => (catching = null));
    return catching;
  };
  const readMissed = async () => {
    const after = lastSent;
    const events = await fetchEventsAfter(opts.launchId, after, REPLAY_MAX + 1);
    if (!events.length || closed) return;
    if (events.length > REPLAY_MAX) {
      // Too much to replay: the client refetches what it shows, once, from the newest event on.
      const cursor = await maxEventId(opts.launchId);
      lastSent = cursor;
      enqueue(encodeResync(cursor));
      return;
    }
    // Whole readiness and overview: what this viewer holds may predate anything the listener sent.
    const patch = await buildPatch(opts.launchId, events, null);
    send({ events, after, lastId: BigInt(events[events.length - 1].id), messages: encodeBatch(events, patch) });
  };

  opts.signal.addEventListener("abort", close);
  if (opts.signal.aborted) close();
  void (async () => {
    const role = share ? null : opts.role !== undefined ? opts.role : ((await streamRole(actor, opts.launchId).catch(() => null))?.role ?? null);
    seeAs(role);
    if (closed) return;
    const off = await listener().subscribe({
      launchId: opts.launchId,
      userId: opts.userId,
      deliver: (batch) => (replaying ? buffered.push(batch) : send(batch)),
      // Share pages are told nothing about who is watching, and are not counted as watchers.
      presence: (userIds) => (share ? undefined : write(`event: presence\ndata: ${JSON.stringify({ userIds })}\n\n`)),
      anonymous: !!share,
      linkId: share?.linkId,
      resync: () => void catchUp().catch(() => {}),
      close,
      ping: () => write(`: ping ${Date.now()}\n\n`),
      // The listener's access sweep: gone, or the encoding of the viewer's role now (a demoted manager
      // stops receiving invitees' addresses from the next batch on).
      access: (verdict) => {
        if (!verdict) return revoke();
        isAdmin = verdict.isAdmin;
        seeAs(verdict.role);
      },
    });
    // Closed while subscribing (the client left at once): leave the listener again.
    if (closed) return off();
    unsubscribe = off;
    // An expiring share link ends its streams when it expires; beyond a timer's range (~24.8 days) the
    // listener's periodic access sweep ends them.
    const untilExpiry = share?.expiresAt ? Math.max(0, share.expiresAt.getTime() - Date.now()) : Infinity;
    if (untilExpiry < 2 ** 31) expiry = setTimeout(revoke, untilExpiry);

    // Tell EventSource how long to wait before reconnecting, then say hello with presence.
    write(`retry: 1000\nevent: hello\ndata: ${JSON.stringify({ cursor: String(lastSent), userIds: share ? [] : listener().presenceOf(opts.launchId) })}\n\n`);
    try {
      await catchUp();
    } finally {
      replaying = false;
      for (const batch of buffered.splice(0)) send(batch);
    }
  })().catch((error) => {
    console.error("[live] feed failed", error);
    close();
  });
  return close;
}
