"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { launchKeys } from "@/lib/launches/query-keys";
import type { GroupView, LaunchMetaDTO, LiveMessage } from "@/lib/launches/view-types";
import { applyLiveMessage, newPatchState, type PatchState } from "@/lib/live/patch";
import { notifyFromBatch } from "./browser-notify";
import { createLiveStore, LiveContext, OwnEventsContext, type LiveState } from "./live-context";

/**
 * One EventSource per launch page (in the layout: it survives tab changes). Each batch patches the
 * TanStack Query cache in place (lib/live/patch.ts): no refetch and no server render per event, so a
 * change costs the server the same whatever the audience. EventSource reconnects by itself and sends
 * Last-Event-ID; the server replays what was missed, or says `resync` when that is too much, and only
 * then are the launch's queries refetched, once. Events that concern the viewer may also become browser
 * notifications (opt-in, only while the tab is hidden: ./browser-notify.ts), from the same batch.
 */
export function LaunchLive({
  launchId,
  cursor,
  viewerId,
  isMember,
  children,
}: {
  launchId: string;
  cursor: string;
  viewerId: string;
  isMember: boolean;
  children: React.ReactNode;
}) {
  const queryClient = useQueryClient();
  const router = useRouter();
  // One store for the page's life: LaunchLive itself never re-renders on a message (./live-context.tsx).
  const [store] = useState(createLiveStore);
  const patchState = useRef<PatchState | null>(null);

  const markOwn = useCallback((ids: readonly string[] | undefined) => {
    for (const id of ids ?? []) patchState.current?.ownEventIds.add(id);
  }, []);

  useEffect(() => {
    // Event ids are global: what was applied belongs to this launch's stream, fresh for each launch.
    const applied = newPatchState(cursor);
    patchState.current = applied;
    const source = new EventSource(`/api/launches/${launchId}/events?after=${cursor}`);
    const touch = (patch: Partial<LiveState>) => store.update({ lastMessageAt: Date.now(), ...patch });

    source.addEventListener("open", () => touch({ status: "live" }));
    source.addEventListener("hello", (e) => touch({ status: "live", presence: JSON.parse((e as MessageEvent).data).userIds ?? [] }));
    source.addEventListener("presence", (e) => touch({ presence: JSON.parse((e as MessageEvent).data).userIds ?? [] }));
    source.addEventListener("change", (e) => {
      const message = JSON.parse((e as MessageEvent).data) as LiveMessage;
      const foreign = applyLiveMessage(queryClient, launchId, message, applied);
      touch({ status: "live" });
      if (foreign?.length) {
        const launchName = queryClient.getQueryData<LaunchMetaDTO>(launchKeys.meta(launchId))?.name ?? "A launch";
        // A sign-off event's patch carries the groups; else whatever the cache holds (the sign-offs page).
        const groups = message.patch.groups ?? queryClient.getQueryData<GroupView[]>(launchKeys.signoffs(launchId));
        void notifyFromBatch(foreign, { userId: viewerId, launchId, launchName, isMember, groups }, (path) => router.push(path));
      }
    });
    source.addEventListener("resync", (e) => {
      // More was missed than a replay carries: refetch what is on screen, once.
      applied.lastApplied = BigInt(JSON.parse((e as MessageEvent).data).cursor);
      void queryClient.invalidateQueries({ queryKey: launchKeys.all(launchId) });
      touch({ status: "live" });
    });
    source.addEventListener("revoked", () => {
      source.close();
      store.update({ status: "offline" });
      toast.error("You were removed from this launch.");
      // Once, for the removed member only: drop what they may no longer see and leave the launch.
      queryClient.removeQueries({ queryKey: launchKeys.all(launchId) });
      router.replace("/");
    });
    source.addEventListener("error", () => {
      store.update({ status: source.readyState === EventSource.CLOSED ? "offline" : "reconnecting" });
    });
    const onOnline = () => store.update({ status: source.readyState === EventSource.OPEN ? "live" : "reconnecting" });
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("online", onOnline);
      source.close();
    };
    // The cursor only seeds the first connection; later reconnects use Last-Event-ID.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [launchId, queryClient, router, viewerId, isMember, store]);

  return (
    <LiveContext.Provider value={store}>
      <OwnEventsContext.Provider value={markOwn}>{children}</OwnEventsContext.Provider>
    </LiveContext.Provider>
  );
}
