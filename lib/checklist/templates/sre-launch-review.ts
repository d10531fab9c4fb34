import { check, defineTemplate } from "./define";

export const sreLaunchReview = defineTemplate({
  id: "builtin-sre-launch-review",
  name: "SRE launch readiness review",
  description: "An SRE-style production readiness review: architecture, capacity, failure modes, monitoring, security, rollout and rollback.",
  signoffGroups: [
    { name: "SRE", rule: "ALL", requiredCount: null },
    { name: "Security", rule: "ANY", requiredCount: null },
    { name: "Service owner", rule: "ANY", requiredCount: null },
  ],
  sections: [
    {
      title: "Architecture",
      items: [
        check("diagram", "Architecture diagram and dependency list current", "Every upstream and downstream dependency with its SLO and owner.", { due: "T-14d", evidence: true }),
        check("spof", "No single points of failure, or each one accepted", "Across zones, databases, queues and third parties.", { due: "T-10d", after: ["diagram"] }),
        check("state", "Data stores, backups and retention documented", "RPO and RTO stated and met by the backup design.", { due: "T-10d" }),
      ],
    },
    {
      title: "Capacity",
      items: [
        check("forecast", "Demand forecast for launch and 6 months", "Peak requests, storage growth, fan-out to dependencies.", { due: "T-14d" }),
        check("loadtest", "Load test proves headroom above the forecast peak", "At least 2x; the bottleneck is known.", { due: "T-7d", evidence: true, after: ["forecast"] }),
        check("quotas", "Cloud quotas and limits raised", "Instances, IPs, API rate limits, database connections.", { due: "T-5d", after: ["loadtest"] }),
        check("autoscale", "Autoscaling tested", "Scales up in time for a traffic spike and down afterwards.", { due: "T-5d", optional: true }),
      ],
    },
    {
      title: "Failure modes",
      items: [
        check("fmea", "Failure-mode analysis done", "For each dependency: what happens when it is slow, down or wrong.", { due: "T-10d", after: ["diagram"] }),
        check("timeouts", "Timeouts, retries with backoff and circuit breakers", "No unbounded retries; budgets set per call.", { due: "T-7d", after: ["fmea"] }),
        check("degrade", "Graceful degradation for non-critical features", "Feature flags or fallbacks to shed load.", { due: "T-7d", optional: true }),
        check("chaos", "Game day: kill an instance and a zone", "Service stays within SLO; findings fixed.", { due: "T-5d", evidence: true, after: ["timeouts"] }),
      ],
    },
    {
      title: "Monitoring",
      items: [
        check("slo", "SLOs and error budget defined", "Availability and latency SLIs measured from the user's side.", { due: "T-10d" }),
        check("alerts", "Symptom-based alerts routed to on-call", "Alerts on SLO burn rate, each linked to a runbook.", { due: "T-5d", after: ["slo"] }),
        check("dashboards", "Service dashboard with golden signals", "Traffic, errors, latency, saturation; deploy markers.", { due: "T-5d" }),
        check("oncall", "On-call rota trained and staffed", "Shadow shift done; escalation path to the service team.", { due: "T-2d", after: ["alerts"] }),
      ],
    },
    {
      title: "Security",
      items: [
        check("threat", "Threat model reviewed", "Trust boundaries, authn/authz, data classification.", { due: "T-10d" }),
        check("iam", "Least-privilege IAM and secrets in the vault", "No long-lived keys; access reviewed.", { due: "T-5d" }),
        check("audit", "Audit logging for sensitive actions", "Who did what, retained per policy.", { due: "T-5d", optional: true }),
      ],
    },
    {
      title: "Rollout",
      items: [
        check("canary", "Canary stage with automatic analysis", "Compare canary and baseline metrics before widening.", { due: "T", after: ["dashboards"] }),
        check("stages", "Progressive rollout stages and hold times agreed", "For example 1%, 10%, 50%, 100% with 1 h holds.", { due: "T-2d" }),
        check("launch-comms", "Launch communication to dependent teams", "They know when traffic arrives.", { due: "T-1d", optional: true }),
      ],
    },
    {
      title: "Rollback",
      items: [
        check("rollback", "One-step rollback tested in production-like env", "Time to roll back measured.", { due: "T-3d", evidence: true }),
        check("data-rollback", "Schema and data changes are backward compatible", "Expand/contract: the previous version runs against the new schema.", { due: "T-3d" }),
        check("criteria", "Rollback criteria written down", "Which metric, which threshold, who decides.", { due: "T-2d", after: ["slo"] }),
      ],
    },
  ],
});
