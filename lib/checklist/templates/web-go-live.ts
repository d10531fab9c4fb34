import { check, defineTemplate } from "./define";

export const webGoLive = defineTemplate({
  id: "builtin-web-go-live",
  name: "Web application go-live",
  description: "A customer-facing web app or API going to production: testing, security, data, infrastructure, cutover and hypercare.",
  signoffGroups: [
    { name: "QA", rule: "ANY", requiredCount: null },
    { name: "Security", rule: "ALL", requiredCount: null },
    { name: "Operations", rule: "ANY", requiredCount: null },
    { name: "Business", rule: "ANY", requiredCount: null },
  ],
  sections: [
    {
      title: "Functional testing",
      items: [
        check("regression", "Full regression suite green on the release candidate", "Run the automated regression suite against the exact build that will ship; link the CI run.", { due: "T-5d", evidence: true }),
        check("uat", "User acceptance testing signed off", "Business testers ran the agreed UAT scripts; open defects are triaged and none is severity 1 or 2.", { due: "T-3d", evidence: true, after: ["regression"] }),
        check("browsers", "Supported browsers and devices checked", "Smoke the main journeys on the browser matrix (latest Chrome, Firefox, Safari, Edge; iOS and Android).", { due: "T-3d", optional: true }),
        check("a11y", "Accessibility check of new pages", "Keyboard navigation, screen-reader labels and contrast on every new or changed page (WCAG 2.2 AA).", { due: "T-4d", optional: true }),
      ],
    },
    {
      title: "Performance testing",
      items: [
        check("load", "Load test at 2x expected peak", "Sustain twice the forecast peak for 30 minutes; p95 latency and error rate within the SLO. Attach the report.", { due: "T-5d", evidence: true }),
        check("soak", "Soak test for 8 hours", "Watch memory, connection pools and queue depth for leaks over a long run.", { due: "T-4d", optional: true, after: ["load"] }),
        check("cdn", "CDN and caching headers verified", "Static assets cached at the edge; no private pages cached.", { due: "T-2d", optional: true }),
      ],
    },
    {
      title: "Security testing",
      items: [
        check("pentest", "Penetration test findings closed or accepted", "No open critical or high findings; accepted mediums have an owner and a date.", { due: "T-7d", evidence: true }),
        check("deps", "Dependency and container scan clean", "No known critical CVEs in dependencies or base images of the release build.", { due: "T-3d", evidence: true }),
        check("secrets", "Production secrets rotated and stored in the vault", "No secret in source, images or CI logs; test credentials removed from production config.", { due: "T-2d" }),
      ],
    },
    {
      title: "Data migration",
      items: [
        check("backup", "Verified backup of production data", "Take a backup and prove it restores (restore to a scratch instance, count rows).", { due: "T-1d", evidence: true }),
        check("dry-run", "Migration dry run on a production copy", "Time it and compare record counts and checksums before and after.", { due: "T-3d", evidence: true }),
        check("migrate", "Run the data migration", "Follow the runbook; record start, end and row counts.", { due: "T", after: ["backup", "dry-run"] }),
        check("reconcile", "Reconcile migrated data", "Counts and spot checks match the source; differences explained.", { due: "T+1h", evidence: true, after: ["migrate"] }),
      ],
    },
    {
      title: "Infrastructure",
      items: [
        check("capacity", "Production capacity provisioned", "Instances, database size and connection limits sized for the load test result plus headroom.", { due: "T-3d", after: ["load"] }),
        check("dns", "DNS TTLs lowered ahead of the switch", "Lower TTLs to 60 s at least one old TTL before the window, so the cutover propagates fast.", { due: "T-2d" }),
        check("certs", "TLS certificates valid for 60+ days", "Certificates for every public hostname, including new ones.", { due: "T-2d" }),
        check("alerts", "Alerts and dashboards for the new service", "Error rate, latency, saturation and business KPIs, with the on-call rota attached.", { due: "T-1d", evidence: true }),
      ],
    },
    {
      title: "Final checks",
      items: [
        check("runbook", "Cutover runbook reviewed by everyone in the window", "Steps, owners, timings, go/no-go criteria and the rollback trigger are agreed.", { due: "T-1d" }),
        check("rollback", "Rollback rehearsed", "Roll back on staging within the agreed time; note how long it took.", { due: "T-2d", evidence: true }),
        check("comms", "Customer and support communications sent", "Status page notice scheduled; support has the FAQ and escalation path.", { due: "T-1d", optional: true }),
        check("deploy", "Deploy the release", "Deploy the signed-off build; record the version.", { due: "T", after: ["runbook", "rollback", "capacity"] }),
        check("smoke", "Production smoke test passes", "Sign in, the main journeys, a real payment or equivalent critical path.", { due: "T+30m", evidence: true, after: ["deploy"] }),
      ],
    },
    {
      title: "Post-go-live monitoring",
      items: [
        check("watch", "First hour watch: error rate and latency within SLO", "Someone watches the dashboards for the first hour and records the numbers.", { due: "T+1h", after: ["smoke"] }),
        check("hypercare", "Hypercare rota staffed for 72 hours", "Named engineers and escalation contacts for the first three days.", { due: "T-1d" }),
        check("retro", "Go-live retrospective booked", "Within two weeks, with actions tracked.", { due: "T+4d", optional: true }),
      ],
    },
  ],
});
