import type { RunbookTemplate } from "./define";

// Moving a customer-facing web platform to new infrastructure behind a DNS / load-balancer switch:
// freeze, final sync, switch traffic in steps, verify, and keep the old stack warm for rollback.
export const webPlatformCutover: RunbookTemplate = {
  key: "web-platform-cutover",
  name: "Web platform cutover",
  description: "Switch a web platform's traffic to a new stack behind DNS and the load balancer, with canary steps and a warm rollback.",
  rollbackMin: 30,
  bufferMin: 15,
  streams: [
    {
      name: "Comms",
      tasks: [
        { key: "C1", title: "Open the bridge call and confirm the roster", min: 5, type: "COMMUNICATION" },
        { key: "C2", title: "Post the maintenance banner and status page notice", min: 5, type: "COMMUNICATION", after: ["C1"] },
        { key: "C3", title: "Announce: traffic switch starting", min: 2, type: "COMMUNICATION", after: ["G1"] },
        { key: "C4", title: "Announce: cutover complete, status page back to operational", min: 5, type: "COMMUNICATION", after: ["V4"] },
      ],
    },
    {
      name: "App",
      tasks: [
        { key: "A1", title: "Enable the write freeze (read-only mode) on the old stack", min: 5, critical: true, after: ["C2"] },
        { key: "A2", title: "Deploy the release build to the new stack", min: 20, after: ["C1"] },
        { key: "A3", title: "Warm caches on the new stack", min: 15, after: ["A2", "D2"] },
        { key: "A4", title: "Lift the write freeze on the new stack", min: 5, critical: true, after: ["N3"] },
      ],
    },
    {
      name: "Database",
      tasks: [
        { key: "D1", title: "Take the pre-cutover backup and record its id", min: 20, after: ["A1"], notes: "The rollback restores from this backup if replication cannot be reversed." },
        { key: "D2", title: "Final replication catch-up and lag check (< 1 s)", min: 15, type: "VALIDATION", after: ["D1:SS+5"] },
      ],
    },
    {
      name: "Network",
      tasks: [
        { key: "N0", title: "Lower DNS TTL to 60 s (done the day before; confirm)", min: 5, type: "VALIDATION", after: ["C1"] },
        { key: "N1", title: "Shift 10 % of traffic to the new stack (canary)", min: 10, critical: true, after: ["C3", "N0"] },
        { key: "N2", title: "Shift 50 % of traffic", min: 10, critical: true, after: ["V2"] },
        { key: "N3", title: "Shift 100 % of traffic and update DNS", min: 10, critical: true, after: ["V3"] },
      ],
    },
    {
      name: "Validation",
      tasks: [
        { key: "G1", title: "Go / no-go for the traffic switch", min: 5, type: "DECISION", after: ["A3", "D2"] },
        { key: "V2", title: "Canary checks: error rate, p95 latency, logins", min: 15, type: "VALIDATION", after: ["N1"] },
        { key: "V3", title: "Half-traffic checks: checkout and search journeys", min: 15, type: "VALIDATION", after: ["N2"] },
        { key: "V4", title: "Full smoke test and synthetic monitors green", min: 20, type: "VALIDATION", after: ["A4"] },
        { key: "M1", title: "Cutover complete", min: 0, type: "MILESTONE", after: ["V4"] },
      ],
    },
  ],
};
