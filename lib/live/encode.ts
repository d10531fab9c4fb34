import { eventsForNonManagers } from "@/lib/launches/event-privacy";
import type { LiveMessage, LivePatch } from "@/lib/launches/view-types";
import { sharePatchOf, type ShareMessage } from "@/lib/share/dto";
import type { LiveEvent } from "./events";

const enc = new TextEncoder();

/**
 * The encodings of one batch: every stream of the launch shares one of them. Members get `manager`, `full`
 * or `restricted` (by role); share links get `share(showNames)`, made from the batch's whole DTOs on first
 * use (most launches have no share viewer) and then shared by every share stream of the launch.
 */
export type EncodedBatch = { manager: Uint8Array; full: Uint8Array; restricted: Uint8Array; share: (showNames: boolean) => Uint8Array };

/**
 * One SSE message per batch, encoded once per instance: its id is the batch's last event id (what
 * Last-Event-ID resumes from); the data carries the events and the DTOs they changed.
 */
export function encodeMessage(events: readonly LiveEvent[], patch: LivePatch): Uint8Array {
  const message: LiveMessage = { events: [...events], patch };
  return enc.encode(`id: ${events[events.length - 1].id}\nevent: change\ndata: ${JSON.stringify(message)}\n\n`);
}

export function encodeBatch(events: readonly LiveEvent[], patches: { full: LivePatch; restricted: LivePatch; whole: LivePatch }): EncodedBatch {
  // Managers (and admins) get the events as they are; everyone else without invited addresses
  // (lib/launches/event-privacy.ts). Most batches hold no invitation event, and share the bytes.
  const manager = encodeMessage(events, patches.full);
  const shown = eventsForNonManagers(events);
  const full = shown === events ? manager : encodeMessage(shown, patches.full);
  // Only member lists differ by role; most batches carry none, and share the bytes.
  const roleDependent = !!(patches.full.members || patches.full.checklistMembers);
  const shares = new Map<boolean, Uint8Array>();
  const share = (showNames: boolean) => {
    let bytes = shares.get(showNames);
    if (!bytes) shares.set(showNames, (bytes = encodeShareMessage(events, patches.whole, showNames)));
    return bytes;
  };
  return { manager, full, restricted: roleDependent ? encodeMessage(shown, patches.restricted) : full, share };
}

/**
 * A share page's message: no events (they carry actors and payloads), only the parts a share page shows,
 * re-filtered through its allow-list (lib/share/dto.ts). A batch that changed none of them only moves the
 * cursor (an SSE `id:` line with no data dispatches nothing but is what a reconnect resumes from).
 */
export function encodeShareMessage(events: readonly LiveEvent[], patch: LivePatch, showNames: boolean): Uint8Array {
  const id = events[events.length - 1].id;
  const sharePatch = sharePatchOf(patch, showNames);
  if (!sharePatch) return enc.encode(`id: ${id}\n\n`);
  const message: ShareMessage = { patch: sharePatch };
  return enc.encode(`id: ${id}\nevent: change\ndata: ${JSON.stringify(message)}\n\n`);
}

/** Told when more was missed than a replay may carry: the client refetches its queries once. */
export function encodeResync(cursor: bigint): Uint8Array {
  return enc.encode(`id: ${cursor}\nevent: resync\ndata: ${JSON.stringify({ cursor: String(cursor) })}\n\n`);
}
