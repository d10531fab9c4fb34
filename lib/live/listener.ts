import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { db } from "@/lib/db/client";
import { EVENTS_CHANNEL } from "@/lib/server/command";
import { encodeBatch, type EncodedBatch } from "./encode";
import { loadRunbook } from "@/lib/runbook/load";
import { buildPatch, type LastSent, type ReadinessMemo, type RunbookMemo } from "./enrich";
import { fetchEventsAfter, maxEventId, EVENTS_PAGE, type LiveEvent } from "./events";
import { streamVerdicts, verdictKey, type StreamVerdict } from "@/lib/launches/access";
import { validShareLinks } from "@/lib/share/links";

// One LISTEN connection per app instance (a dedicated pg client: LISTEN needs a session, not Prisma's
// pool), fanned out in process to the streams of each launch. Notifications carry ids only; the listener
// reads the rows once per launch and hands them to every stream of that launch. When the connection
// drops it reconnects with backoff and catches every launch up from the event table, so a stream never
// misses an event, it only gets it later.

export const PRESENCE_CHANNEL = "launch_presence";

/**
 * One batch of a launch's events with the DTOs they changed, encoded once for every stream. `after` is
 * the cursor it was read from: the batch follows on only for a stream that has sent exactly that far.
 */
export type Batch = { launchId: string; events: LiveEvent[]; after: bigint; lastId: bigint; messages: EncodedBatch };

/**
 * Streams one user may hold open on one instance (tabs, devices, a wall screen); more are refused with
 * 429. LIFTOFF_MAX_STREAMS_PER_USER raises it (the benchmarks' one user opens thousands).
 */
export const MAX_STREAMS_PER_USER = Math.max(1, Number(process.env.LIFTOFF_MAX_STREAMS_PER_USER) || 20);
export type Subscriber = {
  launchId: string;
  userId: string;
  deliver: (batch: Batch) => void;
  /** Presence changed for this launch (user ids of everyone watching, on every instance). */
  presence: (userIds: string[]) => void;
  /** Called after the listener reconnected: the stream catches up itself from its own cursor. */
  resync: () => void;
  /** Ends the stream (the instance is shutting down; the browser reconnects elsewhere). */
  close: () => void;
  /** A share-link viewer: not counted in presence. */
  anonymous?: boolean;
  /** The share link a share-page stream belongs to (the access sweep checks the link, not a member). */
  linkId?: string;
  /** A comment line that keeps idle connections (and the proxies between) open; one timer sends all. */
  ping: () => void;
  /**
   * The access sweep's verdict: the viewer's role and admin flag now, or null when they may no longer see
   * the launch (the stream ends). A share stream gets null when its link was revoked or expired.
   */
  access: (verdict: StreamVerdict) => void;
};

/** Between two comment lines on an idle stream. */
export const HEARTBEAT_MS = 15_000;
/**
 * Between two access sweeps. A sweep also runs at once after an instance-wide change (a deactivation, an
 * admin flag) and after a batch that changed a launch's members; the periodic one catches the rest (a row
 * changed by hand, a link that expired).
 */
export const ACCESS_SWEEP_MS = 30_000;

type State = "connecting" | "listening" | "closed";

class Listener {
  readonly instanceId = randomUUID();
  private client: pg.Client | null = null;
  private state: State = "closed";
  private backoff = 250;
  private subs = new Map<string, Set<Subscriber>>();
  /** Open streams per viewer id (a user, or a share link's `share:<id>`): the per-user cap reads it. */
  private perViewer = new Map<string, number>();
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  /** Launches whose streams the next sweep checks ("all": every stream); sweeps run one at a time. */
  private sweepWanted: Set<string> | "all" | null = null;
  private sweeping: Promise<void> | null = null;
  private cursors = new Map<string, bigint>();
  private fetching = new Map<string, Promise<void>>();
  private pendingNotify = new Map<string, bigint>();
  /** Readiness and the overview last sent for each launch: a batch carries only how they changed. */
  private lastSent = new Map<string, LastSent>();
  /** The runbook last read for each launch: a batch of task executions merges into it (lib/live/enrich.ts). */
  private runbookMemo = new Map<string, RunbookMemo>();
  /** Readiness inputs, windows and team last read for each launch: item-only batches recompute from them. */
  private readinessMemo = new Map<string, ReadinessMemo>();
  private instanceWideChanges = 0;
  // Presence: launch -> instance -> { userIds, seen }.
  private presence = new Map<string, Map<string, { userIds: string[]; seen: number }>>();
  private presenceTimer: NodeJS.Timeout | null = null;
  reconnects = 0;
  /** When the current LISTEN connection came up (null while down); events handed to streams since start. */
  private listeningSince: Date | null = null;
  private eventsRelayed = 0;

  get streamCount() {
    let n = 0;
    for (const set of this.subs.values()) n += set.size;
    return n;
  }

  get connected() {
    return this.state === "listening";
  }

  async subscribe(sub: Subscriber) {
    // Every subscriber waits until LISTEN is active: an event committed after this point is notified.
    await this.ensureStarted();
    let set = this.subs.get(sub.launchId);
    set?.add(sub);
    if (!set) {
      set = new Set([sub]);
      this.subs.set(sub.launchId, set);
      // The listener's own cursor starts at the newest event after LISTEN was active; each stream
      // replays what it lacks from its own cursor up to there, and the pump covers any notification
      // that arrived while this was being read.
      this.cursors.set(sub.launchId, await maxEventId(sub.launchId));
      void this.pump(sub.launchId);
      void this.prewarm(sub.launchId);
      // Announcements made before this instance listened were missed: ask the others to repeat theirs.
      const ask = JSON.stringify({ i: this.instanceId, l: sub.launchId, q: 1 });
      this.notify(ask);
    }
    this.perViewer.set(sub.userId, (this.perViewer.get(sub.userId) ?? 0) + 1);
    this.presenceChanged(sub.launchId, sub);
    let gone = false;
    return () => {
      if (gone) return;
      gone = true;
      const left = (this.perViewer.get(sub.userId) ?? 1) - 1;
      if (left > 0) this.perViewer.set(sub.userId, left);
      else this.perViewer.delete(sub.userId);
      set!.delete(sub);
      if (set!.size === 0) {
        this.subs.delete(sub.launchId);
        this.cursors.delete(sub.launchId);
        this.lastSent.delete(sub.launchId);
        this.runbookMemo.delete(sub.launchId);
        this.readinessMemo.delete(sub.launchId);
      }
      this.presenceChanged(sub.launchId);
    };
  }

  /** Open streams of one user on this instance, across launches. */
  streamCountOf(userId: string) {
    return this.perViewer.get(userId) ?? 0;
  }

  /** Streams of `userId` on `launchId`, e.g. to close them when the member is removed. */
  streamsOf(launchId: string, userId: string) {
    return [...(this.subs.get(launchId) ?? [])].filter((s) => s.userId === userId);
  }

  presenceOf(launchId: string): string[] {
    const now = Date.now();
    const users = new Set<string>();
    for (const [instance, entry] of this.presence.get(launchId) ?? []) {
      if (instance !== this.instanceId && now - entry.seen > 45_000) continue;
      entry.userIds.forEach((u) => users.add(u));
    }
    for (const s of this.subs.get(launchId) ?? []) if (!s.anonymous) users.add(s.userId);
    return [...users].sort();
  }

  private starting: Promise<void> | null = null;

  private ensureStarted() {
    this.starting ??= this.start();
    return this.starting;
  }

  private async start() {
    this.state = "connecting";
    // Open streams would keep a graceful shutdown waiting forever: end them, browsers reconnect elsewhere.
    const shutdown = () => {
      for (const set of this.subs.values()) for (const s of [...set]) s.close();
    };
    process.once("SIGTERM", shutdown);
    process.once("SIGINT", shutdown);
    await this.connect();
    this.presenceTimer ??= setInterval(() => {
      for (const launchId of this.subs.keys()) this.announcePresence(launchId, true);
    }, 20_000);
    this.presenceTimer.unref?.();
    // One timer each for every stream on the instance, not two per stream.
    this.heartbeatTimer ??= setInterval(() => {
      for (const set of this.subs.values()) for (const s of set) s.ping();
    }, HEARTBEAT_MS);
    this.heartbeatTimer.unref?.();
    this.sweepTimer ??= setInterval(() => void this.sweepAccess(), ACCESS_SWEEP_MS);
    this.sweepTimer.unref?.();
  }

  /**
   * Re-checks who may still watch: every stream, or those of the given launch. One statement per 1,000
   * distinct (launch, viewer) pairs (and one for share links), whatever the number of streams; each stream
   * is told its verdict (the stream ends, or switches to its viewer's current role). Sweeps run one at a
   * time, in order; asked while one runs, the next covers everything asked meanwhile.
   */
  sweepAccess(launchId?: string): Promise<void> {
    const wanted = this.sweepWanted;
    if (launchId === undefined || wanted === "all") this.sweepWanted = "all";
    else if (wanted) wanted.add(launchId);
    else this.sweepWanted = new Set([launchId]);
    this.sweeping ??= this.runSweeps();
    return this.sweeping;
  }

  private async runSweeps() {
    try {
      while (this.sweepWanted) {
        const wanted = this.sweepWanted;
        this.sweepWanted = null;
        const subs: Subscriber[] = [];
        for (const [id, set] of this.subs) if (wanted === "all" || wanted.has(id)) subs.push(...set);
        try {
          await this.checkAccess(subs);
        } catch (error) {
          // The database is away: the streams stay, and the next sweep asks again.
          console.error("[live] access sweep failed", error);
        }
      }
    } finally {
      // In the same turn as the loop's last check: a sweep asked for after it starts a new run.
      this.sweeping = null;
    }
  }

  private async checkAccess(subs: readonly Subscriber[]) {
    const pairs = new Map<string, { launchId: string; userId: string }>();
    const links = new Set<string>();
    for (const s of subs) {
      if (s.linkId) links.add(s.linkId);
      else pairs.set(verdictKey(s.launchId, s.userId), { launchId: s.launchId, userId: s.userId });
    }
    const [verdicts, valid] = await Promise.all([streamVerdicts([...pairs.values()]), validShareLinks([...links])]);
    for (const s of subs) {
      if (s.linkId) {
        if (!valid.has(s.linkId)) s.access(null);
      } else {
        const key = verdictKey(s.launchId, s.userId);
        if (verdicts.has(key)) s.access(verdicts.get(key)!);
      }
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, keepAlive: true });
    client.on("notification", (msg) => this.onNotification(msg.channel, msg.payload ?? ""));
    client.on("error", () => this.reconnect(client));
    client.on("end", () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
      this.client = client;
      this.state = "listening";
      this.listeningSince = new Date();
      this.backoff = 250;
    } catch {
      client.removeAllListeners("end");
      client.end().catch(() => {});
      await new Promise((r) => setTimeout(r, this.nextBackoff()));
      return this.connect();
    }
  }

  private nextBackoff() {
    const wait = this.backoff;
    this.backoff = Math.min(this.backoff * 2, 5_000);
    return wait + Math.random() * 100;
  }

  private reconnect(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    this.state = "connecting";
    this.listeningSince = null;
    this.reconnects++;
    client.removeAllListeners();
    client.on("error", () => {});
    client.end().catch(() => {});
    setTimeout(async () => {
      await this.connect();
      // Whatever committed while we were deaf is in the table: catch every launch up.
      for (const launchId of this.subs.keys()) void this.pump(launchId);
      for (const set of this.subs.values()) for (const s of set) s.resync();
      for (const launchId of this.subs.keys()) this.announcePresence(launchId, true);
    }, this.nextBackoff());
  }

  private onNotification(channel: string, payload: string) {
    if (channel === PRESENCE_CHANNEL) return this.onPresence(payload);
    const sep = payload.lastIndexOf(":");
    const launchId = payload.slice(0, sep);
    // An instance-wide change (a freeze, an environment) may change any launch's readiness: the next batch
    // of every launch reads it afresh, and a batch already reading keeps no memo it may have read before.
    if (launchId === "*") {
      this.readinessMemo.clear();
      this.instanceWideChanges++;
      // It may also be a deactivation or an admin flag: whoever lost access loses their streams now.
      void this.sweepAccess();
      return;
    }
    if (!this.subs.has(launchId)) return;
    const id = BigInt(payload.slice(sep + 1));
    const cursor = this.cursors.get(launchId) ?? 0n;
    if (id <= cursor) return;
    this.pendingNotify.set(launchId, id);
    void this.pump(launchId);
  }

  /**
   * Reads a newly watched launch's runbook before a batch needs it, so the first task action is not the
   * one that pays for reading 1,000 tasks. Kept only if no batch ran meanwhile (the read could predate an
   * event that batch applied); a batch that found no memo has read one itself.
   */
  private async prewarm(launchId: string) {
    const cursor = this.cursors.get(launchId);
    const readAt = Date.now();
    try {
      const dto = await loadRunbook(launchId);
      if (this.cursors.get(launchId) !== cursor || this.runbookMemo.has(launchId) || !this.subs.has(launchId)) return;
      this.runbookMemo.set(launchId, { dto, readAt });
    } catch {
      // The first batch reads it.
    }
  }

  /** Reads every event of the launch after the cursor, once for all its streams; coalesces bursts. */
  private pump(launchId: string): Promise<void> {
    const running = this.fetching.get(launchId);
    if (running) return running.then(() => (this.pendingNotify.has(launchId) ? this.pump(launchId) : undefined));
    this.pendingNotify.delete(launchId);
    const work = (async () => {
      try {
        for (;;) {
          const cursor = this.cursors.get(launchId);
          if (cursor === undefined) return;
          const events = await fetchEventsAfter(launchId, cursor);
          if (!events.length) return;
          const lastId = BigInt(events[events.length - 1].id);
          const instanceWide = this.instanceWideChanges;
          // Read and encoded once per instance, whatever the number of viewers.
          const patch = await buildPatch(
            launchId, events, this.lastSent.get(launchId) ?? null, this.runbookMemo.get(launchId) ?? null, this.readinessMemo.get(launchId) ?? null,
          );
          // The cursor passes only events handed to the streams: a batch that failed to build is read again.
          if (this.cursors.get(launchId) !== cursor) return;
          this.cursors.set(launchId, lastId);
          this.lastSent.set(launchId, patch.sent);
          if (patch.runbookMemo) this.runbookMemo.set(launchId, patch.runbookMemo);
          if (patch.readinessMemo && instanceWide === this.instanceWideChanges) this.readinessMemo.set(launchId, patch.readinessMemo);
          else this.readinessMemo.delete(launchId);
          const batch: Batch = { launchId, events, after: cursor, lastId, messages: encodeBatch(events, patch) };
          for (const s of this.subs.get(launchId) ?? []) s.deliver(batch);
          this.eventsRelayed += events.length;
          // A role changed or a member left: their streams switch encoding, or end, now.
          if (events.some((e) => e.type.startsWith("member."))) void this.sweepAccess(launchId);
          if (events.length < EVENTS_PAGE) return;
        }
      } catch (error) {
        console.error("[live] could not read events", error);
        // A connection that stays up sends no notification to retry on; a reconnect pumps by itself.
        setTimeout(() => {
          if (this.connected && this.subs.has(launchId)) void this.pump(launchId);
        }, 1_000).unref?.();
      }
    })().finally(() => this.fetching.delete(launchId));
    this.fetching.set(launchId, work);
    return work;
  }

  // Presence is announced per launch when its set of watching users changes (debounced, so a burst of
  // connections costs one message), and every 20 s so other instances can expire a silent one.
  private lastAnnounced = new Map<string, string>();
  private lastNotified = new Map<string, string>();
  private presenceTimers = new Map<string, NodeJS.Timeout>();

  /** Presence messages go through the pool: the LISTEN connection only listens. */
  private notify(payload: string) {
    db.$executeRaw`SELECT pg_notify(${PRESENCE_CHANNEL}, ${payload})`.catch(() => {});
  }

  private presenceChanged(launchId: string, newcomer?: Subscriber) {
    // A new stream learns the current presence at once (in its hello); the others only on a change.
    if (newcomer) newcomer.presence(this.presenceOf(launchId));
    if (this.presenceTimers.has(launchId)) return;
    this.presenceTimers.set(
      launchId,
      setTimeout(() => {
        this.presenceTimers.delete(launchId);
        this.announcePresence(launchId);
      }, 150),
    );
  }

  private announcePresence(launchId: string, force = false) {
    const users = [...new Set([...(this.subs.get(launchId) ?? [])].filter((s) => !s.anonymous).map((s) => s.userId))].sort();
    const key = users.join(",");
    if (force || this.lastAnnounced.get(launchId) !== key) {
      this.lastAnnounced.set(launchId, key);
      if (!users.length) this.lastAnnounced.delete(launchId);
      const payload = JSON.stringify({ i: this.instanceId, l: launchId, u: users });
      this.notify(payload);
    }
    this.notifyPresence(launchId);
  }

  private onPresence(payload: string) {
    try {
      const { i, l, u, q } = JSON.parse(payload) as { i: string; l: string; u?: string[]; q?: 1 };
      if (i === this.instanceId) return;
      // Another instance just started following this launch and asks who is here: answer if we know.
      if (q) {
        if (this.subs.has(l)) this.announcePresence(l, true);
        return;
      }
      this.storePresence(l, i, u ?? []);
      if (this.subs.has(l)) this.notifyPresence(l);
    } catch {
      // A malformed presence message is not worth a crash.
    }
  }

  private storePresence(launchId: string, instance: string, userIds: string[]) {
    let byInstance = this.presence.get(launchId);
    if (!byInstance) this.presence.set(launchId, (byInstance = new Map()));
    if (userIds.length) byInstance.set(instance, { userIds, seen: Date.now() });
    else byInstance.delete(instance);
  }

  private notifyPresence(launchId: string) {
    const users = this.presenceOf(launchId);
    const key = users.join(",");
    if (this.lastNotified.get(launchId) === key) return;
    this.lastNotified.set(launchId, key);
    for (const s of this.subs.get(launchId) ?? []) s.presence(users);
  }


  /** A read-only snapshot for the instance health page. */
  status(): ListenerStatus {
    return {
      instanceId: this.instanceId,
      state: this.state,
      listeningSince: this.listeningSince,
      reconnects: this.reconnects,
      eventsRelayed: this.eventsRelayed,
      streams: this.streamCount,
      launches: this.subs.size,
    };
  }

  /** The backend pid of the LISTEN connection (tests terminate it to prove the reconnect). */
  get backendPid(): number | undefined {
    return (this.client as unknown as { processID?: number } | null)?.processID;
  }
}

export type ListenerStatus = {
  instanceId: string | null;
  /** "closed": never started (no stream opened on this instance yet) or shut down. */
  state: State;
  listeningSince: Date | null;
  reconnects: number;
  /** Events handed to this instance's streams (once per launch batch, not per viewer). */
  eventsRelayed: number;
  /** Open SSE streams on this instance. */
  streams: number;
  launches: number;
};

const globalForLive = globalThis as unknown as { liftoffListener?: Listener };

/** This instance's listener as it is now, without starting one: the listener connects on the first stream. */
export function listenerStatus(): ListenerStatus {
  return (
    globalForLive.liftoffListener?.status?.() ?? { instanceId: null, state: "closed", listeningSince: null, reconnects: 0, eventsRelayed: 0, streams: 0, launches: 0 }
  );
}

export function listener(): Listener {
  globalForLive.liftoffListener ??= new Listener();
  return globalForLive.liftoffListener;
}
