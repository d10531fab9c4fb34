"use client";
import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { launchKeys } from "@/lib/launches/query-keys";
import { LiveContext, type LiveEventDTO, type LiveState } from "./live-context";

const REFRESH_DEBOUNCE_MS = 400;

/**
 * One EventSource per launch page. Applies each batch to the TanStack Query cache (readiness and
 * activity directly, other launch queries by invalidation) and refreshes server-rendered parts, debounced.
 * EventSource reconnects by itself and sends Last-Event-ID, so the server replays whatever was missed.
 */
export function LaunchLive({ launchId, cursor, children }: { launchId: string; cursor: string; children: React.ReactNode }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [state, setState] = useState<LiveState>({ status: "connecting", lastMessageAt: null, presence: [] });
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const readinessTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Pages rendered entirely from the query cache need no server refresh on each event (the checklist
  // refetches its own query); a ref, so changing tabs does not reconnect the stream.
  const pathname = usePathname();
  const cacheDriven = useRef(false);
  useEffect(() => {
    cacheDriven.current = pathname.endsWith("/checklist");
  }, [pathname]);

  useEffect(() => {
    const source = new EventSource(`/api/launches/${launchId}/events?after=${cursor}`);
    const touch = (patch: Partial<LiveState>) => setState((s) => ({ ...s, lastMessageAt: Date.now(), ...patch }));
    const scheduleRefresh = () => {
      if (cacheDriven.current) return;
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
      refreshTimer.current = setTimeout(() => router.refresh(), REFRESH_DEBOUNCE_MS);
    };

    source.addEventListener("open", () => touch({ status: "live" }));
    source.addEventListener("hello", (e) => touch({ status: "live", presence: JSON.parse((e as MessageEvent).data).userIds ?? [] }));
    source.addEventListener("presence", (e) => touch({ presence: JSON.parse((e as MessageEvent).data).userIds ?? [] }));
    source.addEventListener("change", (e) => {
      const { events, readiness } = JSON.parse((e as MessageEvent).data) as { events: LiveEventDTO[]; readiness?: unknown };
      touch({ status: "live" });
      // A batch's readiness rides on its last message. If none follows soon (the server could not compute
      // it), refetch it rather than show a stale state.
      if (readinessTimer.current) clearTimeout(readinessTimer.current);
      if (readiness !== undefined) queryClient.setQueryData(launchKeys.readiness(launchId), readiness);
      else readinessTimer.current = setTimeout(() => void queryClient.invalidateQueries({ queryKey: launchKeys.readiness(launchId) }), 500);
      queryClient.setQueryData<LiveEventDTO[]>(launchKeys.activity(launchId), (old) =>
        old ? [...[...events].reverse(), ...old.filter((o) => !events.some((n) => n.id === o.id))].slice(0, 50) : old,
      );
      // Everything else under this launch: refetched if on screen (optimistic updates reconcile here).
      void queryClient.invalidateQueries({
        queryKey: launchKeys.all(launchId),
        predicate: (q) => q.queryKey[2] !== "readiness" && q.queryKey[2] !== "activity",
      });
      scheduleRefresh();
    });
    source.addEventListener("revoked", () => {
      source.close();
      setState((s) => ({ ...s, status: "offline" }));
      toast.error("You were removed from this launch.");
      router.refresh();
    });
    source.addEventListener("error", () => {
      setState((s) => ({ ...s, status: source.readyState === EventSource.CLOSED ? "offline" : "reconnecting" }));
    });
    const onOnline = () => setState((s) => ({ ...s, status: source.readyState === EventSource.OPEN ? "live" : "reconnecting" }));
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("online", onOnline);
      source.close();
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
      if (readinessTimer.current) clearTimeout(readinessTimer.current);
    };
    // The cursor only seeds the first connection; later reconnects use Last-Event-ID.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [launchId, queryClient, router]);

  return <LiveContext.Provider value={state}>{children}</LiveContext.Provider>;
}
