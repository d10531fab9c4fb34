// Whether hypercare may end: each exit criterion evaluated against the incident log, the recorded values
// and the clock. Pure (no Next, no Prisma): the close command gates on it inside its transaction, and the
// page re-evaluates it as time passes, so "met in 2 d 4 h" turns into "met" without a server round trip.
import type { Comparator, CriterionDTO, IncidentDTO } from "./types";

export type Evaluation = {
  met: boolean;
  /** One sentence for the reader, times left to the caller (they are shown with their zone). */
  summary: string;
  /** NO_SEV1: the clean period runs from here. */
  since?: string;
  /** NO_SEV1 not met yet: when it will be, if no Sev 1 opens meanwhile. */
  metAt?: string;
};

type IncidentLike = Pick<IncidentDTO, "number" | "title" | "severity" | "highestSeverity" | "state" | "openedAt" | "resolvedAt">;
type CriterionLike = Pick<CriterionDTO, "kind" | "title" | "days" | "comparator" | "threshold" | "unit" | "hours" | "value" | "valueRecordedAt" | "signedAt">;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A decimal as people type it: "0.5", "-2", "99.95". Kept as text in the database (no float rounding). */
export const DECIMAL = /^-?\d{1,12}(\.\d{1,6})?$/;

export function parseDecimal(text: string | null): number | null {
  if (text === null || !DECIMAL.test(text)) return null;
  return Number(text);
}

export function passes(value: number, comparator: Comparator, threshold: number): boolean {
  return comparator === "BELOW" ? value < threshold : value > threshold;
}

/** "3 d 4 h", "5 h", "under an hour". */
export function spanWords(ms: number): string {
  if (ms < HOUR) return "under an hour";
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  return [d ? `${d} d` : "", h ? `${h} h` : ""].filter(Boolean).join(" ");
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A Sev 1 ever (highestSeverity) counts until it is resolved; after that the clean period restarts. */
export function noSev1(days: number, startedAt: Date, incidents: readonly IncidentLike[], now: Date): Evaluation {
  const sev1 = incidents.filter((i) => i.highestSeverity === 1);
  const open = sev1.find((i) => i.state !== "RESOLVED" || !i.resolvedAt);
  if (open) return { met: false, summary: `Sev 1 #${open.number} “${open.title}” is not resolved yet; the ${plural(days, "day")} start when it is.` };
  let since = startedAt.getTime();
  for (const i of sev1) since = Math.max(since, new Date(i.resolvedAt!).getTime());
  const clean = now.getTime() - since;
  const need = days * DAY;
  const sinceIso = new Date(since).toISOString();
  const after = since > startedAt.getTime() ? "since the last Sev 1 was resolved" : "since hypercare began";
  if (clean >= need) return { met: true, summary: `No Sev 1 for ${spanWords(clean)} ${after} (${plural(days, "day")} needed).`, since: sinceIso };
  return {
    met: false,
    summary: `${spanWords(clean)} without a Sev 1 ${after}; ${plural(days, "day")} needed.`,
    since: sinceIso,
    metAt: new Date(since + need).toISOString(),
  };
}

export function metric(c: CriterionLike, startedAt: Date): Evaluation {
  const threshold = parseDecimal(c.threshold);
  if (threshold === null || !c.comparator) return { met: false, summary: "This criterion has no valid threshold." };
  const unit = c.unit ? ` ${c.unit}` : "";
  const want = `${c.comparator === "BELOW" ? "below" : "above"} ${c.threshold}${unit}`;
  const value = parseDecimal(c.value);
  if (value === null || !c.valueRecordedAt) return { met: false, summary: `No value recorded yet (needs ${want}${c.hours ? ` over ${plural(c.hours, "hour")}` : ""}).` };
  if (!passes(value, c.comparator, threshold)) return { met: false, summary: `Recorded ${c.value}${unit}, which is not ${want}.` };
  const ran = new Date(c.valueRecordedAt).getTime() - startedAt.getTime();
  if (c.hours && ran < c.hours * HOUR) {
    return { met: false, summary: `Recorded ${c.value}${unit} after ${spanWords(Math.max(ran, 0))} of hypercare; the value must cover ${plural(c.hours, "hour")}. Record it again later.` };
  }
  return { met: true, summary: `Recorded ${c.value}${unit}: ${want}${c.hours ? ` over ${plural(c.hours, "hour")}` : ""}.` };
}

export function evaluateCriterion(c: CriterionLike, ctx: { startedAt: Date; incidents: readonly IncidentLike[]; now: Date }): Evaluation {
  switch (c.kind) {
    case "NO_SEV1":
      return noSev1(c.days ?? 0, ctx.startedAt, ctx.incidents, ctx.now);
    case "METRIC":
      return metric(c, ctx.startedAt);
    case "SIGNED":
      return c.signedAt ? { met: true, summary: "Signed." } : { met: false, summary: "Not signed yet." };
  }
}

/** Open Sev 1 incidents (current severity), the hard stop on closing. */
export function openSev1(incidents: readonly IncidentLike[]): IncidentLike[] {
  return incidents.filter((i) => i.severity === 1 && i.state !== "RESOLVED");
}

/** Everything that stands between hypercare and CLOSED, in words. Empty: it may close. */
export function exitBlockers(ctx: { startedAt: Date; criteria: readonly CriterionLike[]; incidents: readonly IncidentLike[]; now: Date }): string[] {
  const blockers = openSev1(ctx.incidents).map((i) => `Sev 1 #${i.number} “${i.title}” is open.`);
  for (const c of ctx.criteria) {
    const e = evaluateCriterion(c, ctx);
    if (!e.met) blockers.push(`“${c.title}” is not met: ${e.summary}`);
  }
  return blockers;
}

/** The criteria a launch starts hypercare with; managers edit them afterwards. */
export function defaultCriteria(): Omit<CriterionLike, "value" | "valueRecordedAt" | "signedAt">[] {
  return [
    { kind: "NO_SEV1", title: "No Sev 1 for 7 days", days: 7, comparator: null, threshold: null, unit: "", hours: null },
    { kind: "METRIC", title: "Error rate below 0.5 % for 72 h", days: null, comparator: "BELOW", threshold: "0.5", unit: "%", hours: 72 },
    { kind: "SIGNED", title: "Handover to support signed", days: null, comparator: null, threshold: null, unit: "", hours: null },
  ];
}
