import { zoneLabel } from "@/lib/time/zones";

/** The <option>s of an IANA time zone <select>: "New York (America/New_York)", canonical names only. */
export function TimeZoneOptions({ zones }: { zones: string[] }) {
  return zones.map((z) => (
    <option key={z} value={z}>
      {zoneLabel(z)}
    </option>
  ));
}
