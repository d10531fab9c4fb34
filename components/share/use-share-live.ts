"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { applySharePatch, type ShareDTO, type ShareMessage } from "@/lib/share/dto";

export type ShareLiveStatus = "connecting" | "live" | "reconnecting" | "gone";

export const shareKey = (token: string) => ["share", token] as const;

async function fetchShare(token: string): Promise<ShareDTO> {
  const response = await fetch(`/api/share/${encodeURIComponent(token)}`, { headers: { Accept: "application/json" } });
  if (response.status === 404) throw new ShareGoneError();
  if (!response.ok) throw new Error(`Could not load (${response.status}).`);
  return (await response.json()) as ShareDTO;
}

class ShareGoneError extends Error {}

/**
 * The share page's one cache entry, patched in place by the link's live stream (the same machinery as the
 * team's pages, in its share encoding). A revoked or expired link ends the stream: the page says so.
 */
export function useShareLive(token: string, initial: ShareDTO, cursor: string) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: shareKey(token), queryFn: () => fetchShare(token), initialData: initial, staleTime: Infinity, retry: false });
  const [status, setStatus] = useState<ShareLiveStatus>("connecting");
  useEffect(() => {
    let source: EventSource | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let last = cursor;
    const gone = () => {
      stopped = true;
      source?.close();
      setStatus("gone");
    };
    const open = () => {
      source = new EventSource(`/api/share/${encodeURIComponent(token)}/events?after=${last}`);
      source.addEventListener("hello", () => setStatus("live"));
      source.addEventListener("change", (e) => {
        const message = e as MessageEvent<string>;
        if (message.lastEventId) last = message.lastEventId;
        const { patch } = JSON.parse(message.data) as ShareMessage;
        queryClient.setQueryData<ShareDTO>(shareKey(token), (old) => (old ? applySharePatch(old, patch) : old));
      });
      source.addEventListener("resync", (e) => {
        last = (e as MessageEvent<string>).lastEventId || last;
        void queryClient.refetchQueries({ queryKey: shareKey(token) });
      });
      source.addEventListener("revoked", gone);
      source.onerror = () => {
        if (stopped) return;
        if (source?.readyState === EventSource.CLOSED) {
          // The server refused the stream (a 404 when the link ended) or is down: ask which, then retry.
          setStatus("reconnecting");
          fetch(`/api/share/${encodeURIComponent(token)}`, { method: "GET" })
            .then((r) => (r.status === 404 ? gone() : void (retry = setTimeout(open, 3000))))
            .catch(() => void (retry = setTimeout(open, 3000)));
        } else setStatus("reconnecting");
      };
    };
    open();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [token, cursor, queryClient]);
  const error = query.error instanceof ShareGoneError;
  return { dto: query.data, status: error ? ("gone" as const) : status };
}
