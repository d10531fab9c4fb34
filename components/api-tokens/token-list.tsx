"use client";
import { Ban, CircleCheck, Clock, KeyRound, Trash2 } from "lucide-react";
import { revokeApiTokenAction } from "@/app/(app)/settings/tokens/actions";
import { adminRevokeApiTokenAction } from "@/app/(app)/admin/token-actions";
import { TimeStamp } from "@/components/time-stamp";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { useAction } from "@/components/ui/use-action";
import type { ApiTokenRow } from "@/lib/api-tokens/tokens";

function state(t: ApiTokenRow) {
  if (t.state === "revoked") return <Badge tone="grey" icon={<Ban className="size-3" aria-hidden />}>Revoked</Badge>;
  if (t.state === "expired") return <Badge tone="red" icon={<Clock className="size-3" aria-hidden />}>Expired</Badge>;
  return <Badge tone="green" icon={<CircleCheck className="size-3" aria-hidden />}>Active</Badge>;
}

/** The user's tokens, or (`admin`) every token of the instance with its owner. */
export function TokenList({ tokens, admin = false }: { tokens: ApiTokenRow[]; admin?: boolean }) {
  const { run, pending } = useAction();
  const revoke = (t: ApiTokenRow) => {
    if (!window.confirm(`Revoke “${t.name}”? Scripts using it stop working at once.`)) return;
    const action = admin ? adminRevokeApiTokenAction : revokeApiTokenAction;
    run(() => action({ tokenId: t.id }), { success: `“${t.name}” revoked`, refresh: true });
  };
  return (
    <Card aria-labelledby={admin ? "all-tokens-title" : "my-tokens-title"}>
      <CardHeader
        id={admin ? "all-tokens-title" : "my-tokens-title"}
        title={admin ? "API tokens" : "Your tokens"}
        description={admin ? "Every personal API token of this instance. Revoke one that leaked or whose owner left." : "Listed by their first characters; the full token was shown once."}
      />
      {tokens.length === 0 ? (
        <EmptyState icon={<KeyRound className="size-8" />} title="No tokens yet">
          {admin ? "Nobody has created an API token." : "Create one above for a pipeline that ticks checks."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" data-saving={pending || undefined}>
          {tokens.map((t) => {
            const live = t.state === "active";
            return (
              <li key={t.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 text-sm" data-testid="token-row">
                <div className="min-w-0 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="min-w-0 font-medium [overflow-wrap:anywhere] text-zinc-900 dark:text-zinc-100">{t.name}</span>
                    <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800">{t.prefix}…</code>
                    {state(t)}
                  </div>
                  {admin && <div className="text-xs text-zinc-600 dark:text-zinc-400 [overflow-wrap:anywhere]">{t.owner.name} · {t.owner.email}</div>}
                  <div className="text-xs text-zinc-600 dark:text-zinc-400 break-words">
                    {t.scopes.join(", ")} on {t.launches.map((l) => l.name).join(", ") || "no launch"}
                  </div>
                  <div className="flex flex-wrap gap-x-3 text-xs text-zinc-500 dark:text-zinc-400">
                    <span>Created <TimeStamp at={t.createdAt} zone="UTC" /></span>
                    <span>{t.lastUsedAt ? <>Last used <TimeStamp at={t.lastUsedAt} zone="UTC" /></> : "Never used"}</span>
                    {t.expiresAt && !t.revokedAt && <span>Expires <TimeStamp at={t.expiresAt} zone="UTC" /></span>}
                  </div>
                </div>
                {live && (
                  <Button type="button" size="sm" variant="ghost" disabled={pending} onClick={() => revoke(t)} aria-label={`Revoke ${t.name}`}>
                    <Trash2 className="size-4 text-red-600 dark:text-red-400" aria-hidden /> Revoke
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
