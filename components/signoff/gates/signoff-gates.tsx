import { TimeStamp } from "@/components/time-stamp";
import { Card, CardHeader } from "@/components/ui/card";
import type { GroupView } from "@/lib/signoff/dto";
import { ruleLabel } from "@/lib/signoff/rule-label";
import { EvidenceLinks } from "./evidence-links";
import { GateMark } from "./gate-mark";

/** Each sign-off group: pass when approved, with who signed what and when. */
export function SignoffGates({ groups, zone }: { groups: GroupView[]; zone: string }) {
  return (
    <Card aria-labelledby="gate-signoffs" className="print:break-inside-avoid-page print:shadow-none">
      <CardHeader id="gate-signoffs" title="Sign-off gates" description={`${groups.filter((g) => g.evaluation?.status === "APPROVED").length} of ${groups.length} groups approved`} />
      {groups.length === 0 && <p className="px-4 py-3 text-sm text-zinc-600 dark:text-zinc-400">No sign-offs are required. Managers add groups on the Sign-offs tab.</p>}
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {groups.map((g) => (
          <li key={g.id} className="flex items-start gap-3 px-4 py-2.5 text-sm" data-testid="signoff-gate" data-group={g.name}>
            <GateMark pass={g.evaluation?.status === "APPROVED"} />
            <div className="min-w-0 flex-1">
              <p>
                <span className="font-medium">{g.name}</span>{" "}
                <span className="text-zinc-500 dark:text-zinc-400">
                  · {ruleLabel(g.rule, g.requiredCount, g.approvers.length)} · {g.evaluation?.status.toLowerCase() ?? "pending"}
                </span>
              </p>
              {g.evaluation?.problem && <p className="text-xs text-amber-800 dark:text-amber-300">{g.evaluation.problem}</p>}
              <ul className="mt-1 space-y-1">
                {g.approvers.map((a) => {
                  const d = g.decisions.find((x) => x.approverId === a.userId);
                  return (
                    <li key={a.userId} className="text-xs">
                      <span className="font-medium">{a.name}</span>{" "}
                      {!d ? (
                        <span className="text-zinc-500 dark:text-zinc-400">has not signed</span>
                      ) : (
                        <>
                          <span className={d.staleAt ? "line-through opacity-60" : ""}>
                            {d.decision === "APPROVE" ? "approved" : "rejected"} <TimeStamp at={d.createdAt} zone={zone} />
                          </span>
                          {d.staleAt && <span className="font-medium text-amber-800 dark:text-amber-300"> — went stale: {d.staleReason}</span>}
                          {d.comment && <span className="text-zinc-600 dark:text-zinc-400"> — “{d.comment}”</span>}
                          <EvidenceLinks links={d.evidenceLinks} label={`Evidence from ${a.name}`} />
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
