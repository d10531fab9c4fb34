import { check, defineTemplate } from "./define";

export const dcMaintenance = defineTemplate({
  id: "builtin-dc-maintenance",
  name: "Data-centre maintenance",
  description: "Planned physical or network maintenance in a data centre: change approval, power and network checks, controlled shutdown and restore.",
  signoffGroups: [
    { name: "Change advisory board", rule: "ANY", requiredCount: null },
    { name: "Facilities", rule: "ANY", requiredCount: null },
    { name: "Operations", rule: "ALL", requiredCount: null },
  ],
  sections: [
    {
      title: "Planning and approval",
      items: [
        check("change", "Change request approved", "CAB approval with scope, risk, impact and back-out plan.", { due: "T-7d", evidence: true }),
        check("notice", "Maintenance notice sent to affected teams and customers", "Include start, end, impact and contact.", { due: "T-5d", after: ["change"] }),
        check("vendor", "Vendor engineers booked and access badges issued", "Names, arrival time and escort arranged with site security.", { due: "T-3d" }),
        check("inventory", "Affected hardware and services inventoried", "Rack, host, VM and service list with owners.", { due: "T-5d" }),
      ],
    },
    {
      title: "Pre-work checks",
      items: [
        check("backups", "Backups of affected systems verified", "Latest backup restored successfully for every stateful system.", { due: "T-1d", evidence: true, after: ["inventory"] }),
        check("failover", "Failover to the secondary site tested", "Services that must stay up are proven to run from the other site.", { due: "T-2d", evidence: true }),
        check("ups", "UPS and generator status green", "Battery health, fuel level, last generator test date.", { due: "T-1d" }),
        check("spares", "Spare parts on site", "PSUs, disks, optics and cables for the hardware touched.", { due: "T-1d", optional: true }),
        check("console", "Out-of-band console access confirmed", "iLO/iDRAC/serial access works for every host touched.", { due: "T-1d" }),
      ],
    },
    {
      title: "Shutdown",
      items: [
        check("drain", "Traffic drained from affected services", "Load balancer pools drained; queues empty.", { due: "T", after: ["failover"] }),
        check("monitoring-mute", "Monitoring silenced for the affected scope only", "Silence with an expiry; nothing outside the scope.", { due: "T" }),
        check("shutdown", "Controlled shutdown in the documented order", "Applications, then databases, then storage, then network.", { due: "T+15m", after: ["drain", "backups"] }),
      ],
    },
    {
      title: "Maintenance work",
      items: [
        check("work", "Maintenance work completed", "Record what was changed, part serials and any deviation from plan.", { due: "T+2h", evidence: true, after: ["shutdown"] }),
        check("cabling", "Cabling and labels checked against the diagram", "Photos of the rack front and back.", { due: "T+2h", optional: true, evidence: true, after: ["work"] }),
      ],
    },
    {
      title: "Restore and verify",
      items: [
        check("power-on", "Power-on in the documented order", "Network, storage, databases, then applications.", { due: "T+3h", after: ["work"] }),
        check("health", "Health checks green for every affected service", "Dashboards and synthetic checks; attach a screenshot.", { due: "T+3h30m", evidence: true, after: ["power-on"] }),
        check("unmute", "Monitoring silences removed", "No silence left behind.", { due: "T+4h", after: ["health"] }),
        check("traffic", "Traffic restored and failback complete", "Pools re-enabled; secondary site back to standby.", { due: "T+4h", after: ["health"] }),
        check("close", "Change closed with outcome and lessons", "Note overruns and incidents.", { due: "T+1d", optional: true, after: ["traffic"] }),
      ],
    },
  ],
});
