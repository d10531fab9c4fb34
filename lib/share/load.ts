import "server-only";
import { loadMetaUnchecked } from "@/lib/launches/view";
import { loadReadiness } from "@/lib/readiness/load";
import { listStatusUpdates } from "@/lib/status-updates/queries";
import { measuredWindow } from "@/lib/windows/measured";
import { listLaunchWindows } from "@/lib/windows/queries";
import { ponrOf } from "@/lib/runbook/from-dto";
import { loadRunbook } from "@/lib/runbook/load";
import { shareLaunch, shareProgress, shareReadiness, shareRunbook, shareUpdate, shareWindow, type ShareDTO } from "./dto";
import type { ResolvedShare } from "./links";

/**
 * Everything a share page shows, built through the allow-list (lib/share/dto.ts) from the same loaders
 * the team's pages use. The caller has resolved the token (resolveShareToken): no session is involved.
 */
export async function loadShareDTO(link: ResolvedShare, now = new Date()): Promise<ShareDTO | null> {
  const [meta, readiness, windows, updates, runbook] = await Promise.all([
    loadMetaUnchecked(link.launchId),
    loadReadiness(link.launchId),
    listLaunchWindows(link.launchId),
    listStatusUpdates(link.launchId),
    loadRunbook(link.launchId, undefined, now),
  ]);
  if (!meta) return null;
  return {
    link: { name: link.name, showNames: link.showNames, expiresAt: link.expiresAt?.toISOString() ?? null },
    launch: shareLaunch(meta),
    readiness: shareReadiness(readiness.dto),
    window: shareWindow(measuredWindow(windows, now)),
    progress: shareProgress(readiness.dto),
    updates: updates.map((u) => shareUpdate(u, link.showNames)),
    runbook: runbook.runbook ? shareRunbook(ponrOf(runbook, now)) : null,
  };
}
