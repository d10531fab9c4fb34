import { CircleAlert, UserRoundCheck, Users } from "lucide-react";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";

/** `kind: "unassigned"` is work nobody owns (unowned checks, groups without approvers): the managers' to fix. */
export type PendingPerson = { userId: string; name: string; what: string[]; kind?: "person" | "unassigned" };

/**
 * Who still has to act before the go-live: unowned work first (the managers' to assign), then owners of
 * open required checks and approvers still to sign.
 */
export function WhoMustAct({ people }: { people: PendingPerson[] }) {
  return (
    <Card aria-labelledby="who-must-act">
      <CardHeader id="who-must-act" title="Waiting on" description="What stands between this launch and ready, and who must act on it." />
      {people.length === 0 ? (
        <EmptyState icon={<UserRoundCheck className="size-8" />} title="Nobody">
          Every open required check has an owner, every sign-off group can be approved, and no approver still has to sign.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" aria-label="Waiting on">
          {people.map((p) => (
            <li key={p.userId} className="flex items-start gap-3 px-4 py-2.5" data-kind={p.kind ?? "person"}>
              {p.kind === "unassigned" ? (
                <CircleAlert className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" aria-hidden />
              ) : (
                <Users className="mt-0.5 size-4 shrink-0 text-zinc-400" aria-hidden />
              )}
              <div className="min-w-0">
                <p className="font-medium">{p.name}</p>
                <p className="text-xs text-zinc-600 dark:text-zinc-400">{p.what.join(" · ")}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
