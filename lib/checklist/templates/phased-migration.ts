import { check, defineTemplate } from "./define";

export const phasedMigration = defineTemplate({
  id: "builtin-phased-migration",
  name: "Phased migration from a legacy system",
  description: "Move users and data off a legacy system in waves, with dual running, reconciliation and a decommission at the end.",
  signoffGroups: [
    { name: "Business owner", rule: "ANY", requiredCount: null },
    { name: "Data", rule: "ALL", requiredCount: null },
    { name: "Operations", rule: "ANY", requiredCount: null },
    { name: "Risk", rule: "N_OF_M", requiredCount: 2 },
  ],
  sections: [
    {
      title: "Readiness",
      items: [
        check("mapping", "Data mapping from legacy to new model approved", "Every legacy field is mapped, transformed or consciously dropped.", { due: "T-14d", evidence: true }),
        check("waves", "Migration waves defined", "Which users, accounts or regions move in each wave, and the exit criteria per wave.", { due: "T-10d" }),
        check("dual-run", "Dual-running plan agreed", "Which system is the source of truth per wave; how writes are synchronised.", { due: "T-10d" }),
        check("training", "Users of wave 1 trained", "Training done and guides published.", { due: "T-3d", optional: true }),
      ],
    },
    {
      title: "Data migration",
      items: [
        check("rehearsal", "Full rehearsal on production-sized data", "Time each step; the wave must fit in the window with margin.", { due: "T-5d", evidence: true, after: ["mapping"] }),
        check("quality", "Data-quality issues from the rehearsal fixed", "Rejected records cleaned in the legacy system or handled by rules.", { due: "T-3d", after: ["rehearsal"] }),
        check("freeze-legacy", "Legacy writes frozen for wave 1", "Read-only mode or a change freeze for the migrating scope.", { due: "T" }),
        check("extract", "Extract, transform and load wave 1", "Record counts at each stage.", { due: "T+2h", after: ["freeze-legacy", "quality"] }),
        check("reconcile", "Reconciliation report signed", "Counts, balances and sampled records match; exceptions listed with owners.", { due: "T+4h", evidence: true, after: ["extract"] }),
      ],
    },
    {
      title: "Integration and cutover",
      items: [
        check("interfaces", "Downstream interfaces pointed at the new system", "Feeds, reports and APIs for the wave's scope.", { due: "T+4h", after: ["reconcile"] }),
        check("sync", "Synchronisation between systems running and monitored", "Lag and error alerts in place during dual running.", { due: "T+4h", after: ["extract"] }),
        check("switch", "Wave 1 users switched to the new system", "Routing or access changed; legacy access read-only.", { due: "T+5h", after: ["interfaces", "reconcile"] }),
      ],
    },
    {
      title: "Rollback",
      items: [
        check("rollback-plan", "Rollback to legacy documented and rehearsed", "Including data written in the new system after the switch.", { due: "T-3d", evidence: true }),
        check("rollback-window", "Rollback deadline agreed", "After this point we fix forward.", { due: "T-2d" }),
      ],
    },
    {
      title: "Post-wave and decommission",
      items: [
        check("hypercare", "Wave 1 hypercare for one week", "Daily stand-up on issues from migrated users.", { due: "T+7d", after: ["switch"] }),
        check("next-wave", "Go/no-go for the next wave", "Exit criteria of wave 1 met.", { due: "T+7d", after: ["hypercare"] }),
        check("archive", "Legacy data archived per retention policy", "Before decommission, with legal sign-off.", { due: "T+30d", optional: true }),
        check("decommission", "Legacy system decommissioned", "Licences ended, servers wiped, DNS removed.", { due: "T+60d", optional: true, after: ["archive"] }),
      ],
    },
  ],
});
