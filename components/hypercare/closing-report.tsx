import type { ReactNode } from "react";
import { PrintButton } from "@/components/signoff/print-button";
import { cn } from "@/components/ui/cn";
import { spanWords } from "@/lib/hypercare/criteria";
import type { ClosingReport } from "@/lib/hypercare/report";
import { INCIDENT_STATE_LABEL } from "@/lib/hypercare/types";
import { formatInZone } from "@/lib/time/format";
import { OverrideCallout } from "./hypercare-summary";

// The post-implementation review, server-rendered and printable: planned against actual, the runbook's
// variance, incidents, sign-offs and decisions. Plain tables, no interaction, so it prints as it reads.

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <section className="break-inside-avoid rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200 print:p-0 print:shadow-none print:ring-0 dark:bg-zinc-900 dark:ring-zinc-800">
    <h2 className="mb-3 text-base font-semibold">{title}</h2>
    {children}
  </section>
);

const th = "px-2 py-1.5 text-left text-xs font-semibold text-zinc-600 dark:text-zinc-400 print:text-black";
const td = "px-2 py-1.5 align-top";

function Table({ head, children, label }: { head: string[]; children: ReactNode; label: string }) {
  return (
    <div className="-mx-4 overflow-x-auto px-4 print:overflow-visible">
      <table className="w-full min-w-[36rem] border-collapse text-sm print:min-w-0" aria-label={label}>
        <thead className="border-b border-zinc-200 dark:border-zinc-700">
          <tr>{head.map((h) => <th key={h} scope="col" className={th}>{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">{children}</tbody>
      </table>
    </div>
  );
}

export function ClosingReportView({ report: r }: { report: ClosingReport }) {
  const zone = r.launch.timeZone;
  const t = (iso: string | null | undefined) => (iso ? formatInZone(new Date(iso), zone) : "—");
  const span = (a: string | null | undefined, b: string | null | undefined) => (a && b ? spanWords(Date.parse(b) - Date.parse(a)) : "—");
  const hc = r.hypercare;
  const resolvedIn = (a: string, b: string | null) => (b ? spanWords(Date.parse(b) - Date.parse(a)) : "open");
  return (
    <article className="space-y-5 print:space-y-6 print:text-black" aria-labelledby="report-title">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 id="report-title" className="text-xl font-semibold">Closing report: {r.launch.name}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400 print:text-black">
            {r.launch.system} · {r.launch.status === "CLOSED" ? `closed ${t(hc?.closedAt)}` : "not closed yet: this is a draft"} · times in {zone}
          </p>
        </div>
        <PrintButton />
      </header>

      {hc?.overrideReason && (
        <div className="-mx-4 print:mx-0">
          <OverrideCallout record={hc} />
        </div>
      )}

      <Section title="Planned against actual">
        <Table label="Planned against actual" head={["", "Planned", "Actual", "Difference"]}>
          <tr>
            <th scope="row" className={cn(td, "text-left font-medium")}>Window start</th>
            <td className={td}>{t(r.window?.start)}</td>
            <td className={td}>{t(r.actual.windowOpened)}</td>
            <td className={td}>{diff(r.window?.start, r.actual.windowOpened)}</td>
          </tr>
          <tr>
            <th scope="row" className={cn(td, "text-left font-medium")}>Window end / live</th>
            <td className={td}>{t(r.window?.end)}</td>
            <td className={td}>{t(r.actual.windowEnded ?? r.actual.live)}</td>
            <td className={td}>{diff(r.window?.end, r.actual.windowEnded ?? r.actual.live)}</td>
          </tr>
          <tr>
            <th scope="row" className={cn(td, "text-left font-medium")}>Hypercare end</th>
            <td className={td}>{t(hc?.plannedEndAt)}</td>
            <td className={td}>{t(hc?.closedAt)}</td>
            <td className={td}>{diff(hc?.plannedEndAt, hc?.closedAt)}</td>
          </tr>
        </Table>
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400 print:text-black">
          {r.window ? `Window on ${r.window.environment} (${r.window.status.toLowerCase().replace("_", " ")}).` : "No deployment window was scheduled."} Hypercare ran {span(hc?.startedAt, hc?.closedAt)}.
        </p>
      </Section>

      <Section title="Runbook variance">
        {r.runbook.present ? (
          <div className="space-y-2 text-sm">
            <p>
              Live run from {t(r.runbook.runStart)} to {t(r.runbook.runEnd)}: {r.runbook.variance.finished} of {r.runbook.variance.tasks} tasks finished, taking{" "}
              {r.runbook.variance.actualMin} min against {r.runbook.variance.plannedMin} min planned ({signed(r.runbook.variance.actualMin - r.runbook.variance.plannedMin)} min).
            </p>
            {r.runbook.variance.overruns.length > 0 && (
              <Table label="Largest overruns" head={["Task", "Planned", "Actual", "Over"]}>
                {r.runbook.variance.overruns.map((o) => (
                  <tr key={o.title}>
                    <td className={td}>{o.title}</td>
                    <td className={td}>{o.plannedMin} min</td>
                    <td className={td}>{o.actualMin} min</td>
                    <td className={td}>+{o.overMin} min</td>
                  </tr>
                ))}
              </Table>
            )}
            {r.runbook.variance.notDone.length > 0 && <p>Not finished: {r.runbook.variance.notDone.map((n) => `${n.title} (${n.status.toLowerCase().replace("_", " ")})`).join(", ")}.</p>}
          </div>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400 print:text-black" data-testid="no-runbook">No runbook was executed live for this launch, so there is no variance to report.</p>
        )}
      </Section>

      <Section title="Incidents">
        {r.incidents.length === 0 ? (
          <p className="text-sm">No incidents were logged.</p>
        ) : (
          <Table label="Incidents" head={["#", "Incident", "Worst severity", "State", "Flags", "Opened", "Resolved in"]}>
            {r.incidents.map((i) => (
              <tr key={i.id}>
                <td className={td}>{i.number}</td>
                <td className={cn(td, "break-words")}>{i.title}{i.ownerName ? ` (owner ${i.ownerName})` : ""}</td>
                <td className={td}>Sev {i.highestSeverity}{i.severity !== i.highestSeverity ? ` (now Sev ${i.severity})` : ""}</td>
                <td className={td}>{INCIDENT_STATE_LABEL[i.state]}</td>
                <td className={td}>{[i.releaseRelated ? "release-related" : "not release-related", i.rollbackTrigger ? "rollback trigger" : ""].filter(Boolean).join(", ")}</td>
                <td className={td}>{t(i.openedAt)}</td>
                <td className={td}>{resolvedIn(i.openedAt, i.resolvedAt)}</td>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <Section title="Exit criteria at close">
        {r.criteria.length === 0 ? (
          <p className="text-sm">{hc ? "No exit criteria were set." : "Hypercare was not tracked for this launch."}</p>
        ) : (
          <ul className="space-y-1.5 text-sm">
            {r.criteria.map((c) => (
              <li key={c.id}>
                <span className="font-medium">{c.evaluation.met ? "✓ Met" : "✗ Not met"}</span> · {c.title}: {c.evaluation.summary}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Sign-offs">
        {r.signoffs.length === 0 ? (
          <p className="text-sm">No sign-offs were recorded.</p>
        ) : (
          <Table label="Sign-offs" head={["Group", "Approver", "Decision", "When", "Comment"]}>
            {r.signoffs.map((s) => (
              <tr key={s.id}>
                <td className={td}>{s.group}</td>
                <td className={td}>{s.approver}</td>
                <td className={td}>{s.decision === "APPROVE" ? "Approved" : "Rejected"}{s.state !== "current" ? ` (${s.state})` : ""}</td>
                <td className={td}>{t(s.at)}</td>
                <td className={cn(td, "break-words")}>{s.comment || "—"}</td>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <Section title="Decisions">
        <ul className="space-y-2 text-sm">
          {r.goDecisions.map((d) => (
            <li key={d.id}>
              <span className="font-medium">{d.outcome === "GO" ? "GO" : "NO-GO"}</span> by {d.decidedBy}, {t(d.createdAt)}
              {d.overrideReason ? ` · override: ${d.overrideReason}` : ""}
              {d.notes ? ` · ${d.notes}` : ""}
            </li>
          ))}
          {hc?.closedAt && (
            <li>
              <span className="font-medium">Hypercare closed</span> by {hc.closedByName ?? "a former member"}, {t(hc.closedAt)}
              {hc.overrideReason ? ` · override: ${hc.overrideReason}` : " · every exit criterion met"}
            </li>
          )}
          {r.goDecisions.length === 0 && !hc?.closedAt && <li>No decisions were recorded.</li>}
        </ul>
      </Section>
    </article>
  );
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function diff(planned: string | null | undefined, actual: string | null | undefined) {
  if (!planned || !actual) return "—";
  const ms = Date.parse(actual) - Date.parse(planned);
  if (Math.abs(ms) < 60_000) return "on time";
  return `${spanWords(Math.abs(ms)).replace("under an hour", `${Math.round(Math.abs(ms) / 60_000)} min`)} ${ms > 0 ? "late" : "early"}`;
}
